package jp.inochi.testsupport;

import io.micronaut.context.ApplicationContext;
import java.util.List;

/**
 * Adds rows that belong to the households the leak probe attacks (those of 熊本市), for a table whose rows the demo
 * data doesn't give them, so every endpoint taking such an id is tried with one. Make it a {@code @Singleton} in the
 * test sources; {@code MunicipalScopeProbeTest} calls every one on its own service before it starts.
 */
public interface ProbeFixture {

    /** Creates the rows through the service's own beans (repositories, services) of {@code service}. */
    void addRowsFor(ApplicationContext service, List<Long> householdIds) throws Exception;
}
