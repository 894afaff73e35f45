package jp.inochi.applications.model;

import java.util.Optional;
import jp.inochi.access.Role;

/**
 * Setting a program rule aside: the soft rules (「概ね30分」, seed 000 line 554; the subsidy exception, line 568) by
 * center staff, the hard rules only by a center admin; always with a written reason someone can review later.
 */
public final class RuleOverride {

    /** How firmly the leaflet states a rule. */
    public enum Weight { SOFT, HARD }

    private RuleOverride() {
    }

    public static boolean mayOverride(Role role, Weight weight) {
        return role == Role.CENTER_ADMIN || (weight == Weight.SOFT && role == Role.CENTER_STAFF);
    }

    /** Why this person may not set the rule aside with this reason, or empty when they may. */
    public static Optional<String> refusal(Role role, Weight weight, String justification) {
        if (!mayOverride(role, weight)) {
            return Optional.of("この条件を例外として扱えるのはセンター管理者だけです");
        }
        if (!EligibilityOverride.isJustified(justification)) {
            return Optional.of("理由を" + EligibilityOverride.MIN_JUSTIFICATION_LENGTH + "文字以上で記入してください");
        }
        return Optional.empty();
    }
}
