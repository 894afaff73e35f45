package jp.inochi.web;

import java.util.Set;

/** The colour class of a state's badge: waiting (info), done (ok), needs attention (warn), stopped (danger). */
public final class Badges {
    private static final Set<String> OK = Set.of("APPROVED", "HANDED_OVER", "ACTIVE", "AVAILABLE", "CONDITIONS_MET",
            "COMPLETED", "ACCEPTED");
    private static final Set<String> WARN = Set.of("INFORMATION_REQUESTED", "RETURN_OPEN", "DEVICE_RECEIVED", "IN_REPAIR",
            "IN_INSPECTION", "FOLLOW_UP_NEEDED", "NOT_APPLIED", "RESERVED", "DEVICE_ASSIGNED", "SENT");
    private static final Set<String> DANGER = Set.of("REJECTED", "CONDITIONS_NOT_MET", "RETIRED");

    private Badges() {
    }

    public static String of(Enum<?> state) {
        return state == null ? "badge badge-neutral" : of(state.name());
    }

    public static String of(String state) {
        if (OK.contains(state)) {
            return "badge badge-ok";
        }
        if (WARN.contains(state)) {
            return "badge badge-warn";
        }
        if (DANGER.contains(state)) {
            return "badge badge-danger";
        }
        return "badge badge-info";
    }
}
