package jp.inochi.loans;

/**
 * Published (synchronously, inside the swap transaction) when a running loan's generator was replaced by another: the
 * power section of the family's evacuation plan is marked for review, as after a handover.
 */
public record DeviceSwapped(long householdId, long loanId, long removedDeviceId, String removedSerialNumber,
                            long deviceId, String serialNumber) {
}
