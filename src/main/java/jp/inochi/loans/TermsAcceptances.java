package jp.inochi.loans;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.platform.problem.IllegalTransitionException;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;

import static jp.inochi.applications.ApplicationReview.blankToNull;
import static jp.inochi.loans.StepInput.dateWithin;
import static jp.inochi.loans.model.LoanAction.LIFECYCLE;

/**
 * The terms of the loan (seed 000, line 538) sent again by post or email, and the family's acceptance recorded by
 * staff or through the link in the email. Those accepted at the handover are recorded by {@link LoanHandovers}.
 */
@Singleton
public class TermsAcceptances {
    private final Loans loans;
    private final TermsAcceptanceRepository terms;
    private final LifecycleLog log;
    private final ApplicationEventPublisher<TermsRequestedByEmail> termsRequests;
    private final Clock clock;

    TermsAcceptances(Loans loans, TermsAcceptanceRepository terms, LifecycleLog log,
                     ApplicationEventPublisher<TermsRequestedByEmail> termsRequests, Clock clock) {
        this.loans = loans;
        this.terms = terms;
        this.log = log;
        this.termsRequests = termsRequests;
        this.clock = clock;
    }

    @Serdeable
    public record TermsResend(@NotNull TermsChannel channel, @Nullable @Size(max = 254) String sentTo,
                              @Nullable LocalDate sentOn) {
    }

    @Serdeable
    public record TermsAcceptedLater(@NotNull @Valid TermsAccepted terms, @Nullable LocalDate acceptedOn,
                                     @Nullable Long version) {
    }

    /** Sends the terms again; an earlier request still waiting is superseded, so one request is open at a time. */
    @Transactional
    public TermsAcceptance resendTerms(Actor actor, long id, @Valid TermsResend resend) {
        Loan current = loans.get(id);
        LIFECYCLE.next(current.state(), LoanAction.RESEND_TERMS);
        LocalDate on = dateWithin(clock, resend.sentOn(), current.startDate(), "貸与開始日", "sentOn");
        if (resend.channel() == TermsChannel.IN_PERSON) {
            throw new InvalidInputException("channel", "再送は郵送またはメールで行います");
        }
        if (resend.channel() == TermsChannel.EMAIL
                && (resend.sentTo() == null || !resend.sentTo().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("sentTo", "送付先のメールアドレスを入力してください");
        }
        Instant now = clock.instant();
        terms.findByLoanIdAndState(id, TermsAcceptanceState.SENT).forEach(pending -> {
            terms.update(pending.superseded(now));
            log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, pending.id(), current.householdId(), id,
                    "supersede", TermsAcceptanceState.SENT.name(), TermsAcceptanceState.SUPERSEDED.name(), null, null, on));
        });
        TermsAcceptance sent = terms.save(new TermsAcceptance(null, id, TermsOfLoan.VERSION, resend.channel(),
                TermsAcceptanceState.SENT, on, blankToNull(resend.sentTo()), actor.userId(), null, null, false, false,
                now, now, null));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, sent.id(), current.householdId(), id,
                LoanAction.RESEND_TERMS.apiName(), null, TermsAcceptanceState.SENT.name(), null,
                "channel=" + resend.channel(), on));
        if (resend.channel() == TermsChannel.EMAIL) {
            termsRequests.publishEvent(new TermsRequestedByEmail(sent.id(), id, current.householdId()));
        }
        return sent;
    }

    /**
     * The family accepted the terms through the link in the email (no sign-in): recorded as by the system, on the
     * day it happened. Only a request still waiting can be accepted.
     */
    @Transactional
    public TermsAcceptance acceptTermsByLink(long loanId, long acceptanceId, String acceptedByName) {
        return acceptTerms(Actor.SYSTEM, loanId, acceptanceId, new TermsAcceptedLater(
                new TermsAccepted(true, true, acceptedByName), null, null));
    }

    @Transactional
    public TermsAcceptance acceptTerms(Actor actor, long id, long acceptanceId, @Valid TermsAcceptedLater accepted) {
        Loan current = loans.get(id);
        TermsAcceptance request = terms.findById(acceptanceId).filter(t -> t.loanId() == id)
                .orElseThrow(() -> new NotFoundException("貸与条件の送付記録"));
        ExpectedVersion.check(accepted.version(), request.version());
        if (request.state() != TermsAcceptanceState.SENT) {
            throw new IllegalTransitionException("「" + request.state().label() + "」の送付記録には同意を記録できません",
                    request.state().name(), List.of());
        }
        LocalDate on = dateWithin(clock, accepted.acceptedOn(), request.sentOn(), "送付日", "acceptedOn");
        TermsAcceptance saved = terms.update(request.accepted(on, accepted.terms().acceptedByName().strip(), clock.instant()));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, acceptanceId, current.householdId(), id, "accept",
                TermsAcceptanceState.SENT.name(), TermsAcceptanceState.ACCEPTED.name(), null,
                "terms " + request.termsVersion(), on));
        return saved;
    }
}
