package jp.inochi.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the demo data sets not loaded yet when {@code INOCHI_DEMO_DIR} is set (the run command sets it). */
@Singleton
@Requires(property = "inochi.demo.dir")
final class DemoDataLoader implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataSet> sets;
    private final DemoDataLoadRepository loads;
    private final TransactionOperations<Connection> transactions;
    private final Path directory;
    private final Clock clock;

    DemoDataLoader(List<DemoDataSet> sets, DemoDataLoadRepository loads, TransactionOperations<Connection> transactions,
                   @Value("${inochi.demo.dir}") String directory, Clock clock) {
        this.sets = sets;
        this.loads = loads;
        this.transactions = transactions;
        this.directory = Path.of(directory);
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!Files.isDirectory(directory)) {
            LOG.warn("Demo data directory {} does not exist; no demo data loaded", directory.toAbsolutePath());
            return;
        }
        sets.stream().sorted(Comparator.comparingInt(DemoDataSet::order)).forEach(this::loadOnce);
    }

    private void loadOnce(DemoDataSet set) {
        if (loads.existsById(set.name())) {
            return;
        }
        try {
            String summary = transactions.executeWrite(status -> {
                String loaded = set.load(directory);
                loads.save(new DemoDataLoad(set.name(), clock.instant(), loaded));
                return loaded;
            });
            LOG.info("Demo data '{}' loaded: {}", set.name(), summary);
        } catch (Exception e) {
            LOG.error("Demo data '{}' could not be loaded: {}", set.name(), e.getMessage(), e);
        }
    }
}
