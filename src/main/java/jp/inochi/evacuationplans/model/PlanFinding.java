package jp.inochi.evacuationplans.model;

/** What one rule found in a plan: its name, how serious, the field it points at and a Japanese message. */
public record PlanFinding(String rule, Level level, String field, String message) {

    public enum Level {
        /** The plan cannot be saved this way. */
        ERROR,
        /** Saved, but the officer should look again. */
        WARNING,
        /** Saved, and shown beside the section it concerns. */
        FLAG
    }
}
