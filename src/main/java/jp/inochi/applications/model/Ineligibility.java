package jp.inochi.applications.model;

/** A reason found by a rule, with the detail of this family's case (e.g. the discharge date). */
public record Ineligibility(IneligibilityReason reason, String detail) {
}
