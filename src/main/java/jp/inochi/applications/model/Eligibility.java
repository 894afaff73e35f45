package jp.inochi.applications.model;

import java.util.List;
import java.util.Map;

/** The policy's answer: the named reasons found (none means eligible), and whether the subsidy exception applied. */
public record Eligibility(List<Ineligibility> reasons, boolean subsidyExceptionApplied, SubsidyList subsidyList) {

    public boolean eligible() {
        return reasons.isEmpty();
    }

    /** The reasons not covered by a written justification among {@code overrides}. */
    public List<IneligibilityReason> unresolved(Map<IneligibilityReason, String> overrides) {
        return reasons.stream().map(Ineligibility::reason)
                .filter(reason -> !EligibilityOverride.isJustified(overrides.get(reason)))
                .toList();
    }
}
