package jp.inochi.inspections;

/**
 * Published (synchronously, inside the recording transaction) when a yearly check found a problem: follow-up
 * needed or the conditions not met. The evacuation plan is marked for review.
 */
public record YearlyCheckFailed(long householdId, long inspectionId, String outcomeLabel) {
}
