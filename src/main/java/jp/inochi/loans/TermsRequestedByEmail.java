package jp.inochi.loans;

/**
 * Staff sent the loan terms again by email (貸与条件の再送): published inside the transaction that recorded the request,
 * so whoever sends the email (the reminders feature's outbox) commits with it or not at all.
 */
public record TermsRequestedByEmail(long termsAcceptanceId, long loanId, long householdId) {
}
