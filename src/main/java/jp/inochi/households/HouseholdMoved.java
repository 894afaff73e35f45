package jp.inochi.households;

/**
 * Published (as a Micronaut application event) when a household's home changed: its address,
 * municipality or location. Listeners react after commit: exposure is recomputed, a move out of
 * the prefecture opens the device return. Also published once when a household is registered, with
 * {@code previousPrefectureCode} equal to {@code prefectureCode}.
 */
public record HouseholdMoved(long householdId, String previousPrefectureCode, String prefectureCode,
                             boolean locationChanged) {
}
