package jp.inochi.applications;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import jp.inochi.applications.model.SubsidyList;

/**
 * Whether the family's municipality has its own purchase subsidy, as of the list in force: shown on the application
 * form, so staff know whether the exception (why the family can't use it) needs filling.
 */
public record SubsidyStatus(String municipality, @Nullable LocalDate asOf, boolean available) {

    static SubsidyStatus of(String municipality, @Nullable String municipalityCode, SubsidyList list) {
        return new SubsidyStatus(municipality, list.asOf(), list.covers(municipalityCode));
    }

    /** No list has been recorded for the date, so nothing can be said either way. */
    public boolean unknown() {
        return asOf == null;
    }
}
