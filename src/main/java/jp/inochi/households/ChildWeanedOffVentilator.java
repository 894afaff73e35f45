package jp.inochi.households;

/**
 * Published (as a Micronaut application event, after commit) when a household's child is recorded as no longer
 * using a ventilator: 人工呼吸器からの離脱 ends the loan (seed 000, line 563), so the return opens.
 */
public record ChildWeanedOffVentilator(long householdId) {
}
