package jp.inochi.applications.model;

/**
 * One line of the eligibility checklist: the condition, the seed line it comes from, and either the reason found
 * ({@code finding}, ✗) or why the family meets it ({@code whyMet}, ✓).
 */
public record RuleCheck(String condition, int seedLine, Ineligibility finding, String whyMet) {

    public boolean met() {
        return finding == null;
    }

    /** The reason shown beside the mark. */
    public String reason() {
        return met() ? whyMet : finding.detail();
    }

    /** The line of the finding's reason when there is one (it may be more precise than the condition's). */
    public int line() {
        return met() ? seedLine : finding.reason().seedLine();
    }
}
