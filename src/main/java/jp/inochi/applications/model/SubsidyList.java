package jp.inochi.applications.model;

import java.time.LocalDate;
import java.util.Set;

/** The municipalities with their own purchase subsidy, as of a date (seed 000, line 570: 令和7年10月現在). */
public record SubsidyList(LocalDate asOf, Set<String> municipalityCodes, String source) {

    /** No list recorded yet for the date asked about. */
    public static SubsidyList none() {
        return new SubsidyList(null, Set.of(), "");
    }

    public boolean covers(String municipalityCode) {
        return municipalityCode != null && municipalityCodes.contains(municipalityCode);
    }
}
