package jp.inochi.loans;

/**
 * Published (synchronously, inside the handover transaction) when a device was handed over to a family: the power
 * section of the family's evacuation plan is marked for review.
 */
public record DeviceHandedOver(long householdId, long loanId, long deviceId) {
}
