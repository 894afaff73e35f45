package jp.inochi.audit;

import jp.inochi.access.AccessBasis;

/** A household whose personal data was shown, and the basis on which the viewer could see it. */
public record HouseholdAccess(long householdId, AccessBasis basis) {
}
