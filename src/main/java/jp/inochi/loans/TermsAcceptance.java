package jp.inochi.loans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/** The family's acceptance of the loan terms (seed 000, line 538), or a request for it sent again. */
@Serdeable
@MappedEntity("terms_acceptance")
public record TermsAcceptance(
        @Id @GeneratedValue @Nullable Long id,
        long loanId,
        String termsVersion,
        TermsChannel channel,
        TermsAcceptanceState state,
        LocalDate sentOn,
        @Nullable String sentTo,
        @Nullable Long requestedBy,
        @Nullable LocalDate acceptedOn,
        @Nullable String acceptedByName,
        boolean runningCostsAccepted,
        boolean repairLiabilityAccepted,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    TermsAcceptance superseded(Instant now) {
        return new TermsAcceptance(id, loanId, termsVersion, channel, TermsAcceptanceState.SUPERSEDED, sentOn, sentTo,
                requestedBy, acceptedOn, acceptedByName, runningCostsAccepted, repairLiabilityAccepted, createdAt, now, version);
    }

    TermsAcceptance accepted(LocalDate on, String byName, Instant now) {
        return new TermsAcceptance(id, loanId, termsVersion, channel, TermsAcceptanceState.ACCEPTED, sentOn, sentTo,
                requestedBy, on, byName, true, true, createdAt, now, version);
    }
}
