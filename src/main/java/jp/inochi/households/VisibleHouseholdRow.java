package jp.inochi.households;

import io.micronaut.core.annotation.Introspected;

/** A household a viewer may see, and on what basis (CENTER, CONSENT, DECLARATION). */
@Introspected
public record VisibleHouseholdRow(long id, String basis) {
}
