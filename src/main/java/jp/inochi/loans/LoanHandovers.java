package jp.inochi.loans;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.model.EvacuationPlanDeadline;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.loans.model.YearlyCheckSchedule;

/**
 * The loan begins at the handover: its deadlines set (its last day from what remains of the child's five years), and
 * the terms the family accepted in person.
 */
@Singleton
class LoanHandovers {
    private final LoanRepository loans;
    private final TermsAcceptanceRepository terms;
    private final LoanTermExceptions termExceptions;
    private final MunicipalPlanStatus planStatus;
    private final LifecycleLog log;
    private final ApplicationEventPublisher<DeviceHandedOver> handovers;
    private final Clock clock;

    LoanHandovers(LoanRepository loans, TermsAcceptanceRepository terms, LoanTermExceptions termExceptions,
                  MunicipalPlanStatus planStatus, LifecycleLog log, ApplicationEventPublisher<DeviceHandedOver> handovers,
                  Clock clock) {
        this.loans = loans;
        this.terms = terms;
        this.termExceptions = termExceptions;
        this.planStatus = planStatus;
        this.log = log;
        this.handovers = handovers;
        this.clock = clock;
    }

    /** Starts the loan at the handover; called by {@link LoanApplications#handOver} inside its transaction. */
    Loan start(Actor actor, LoanApplication application, LocalDate start, TermsAccepted accepted) {
        Instant now = clock.instant();
        Loan loan = loans.save(new Loan(null, application.id(), application.programApplicationId(),
                application.householdId(), application.deviceId(), LoanState.ACTIVE, start,
                termExceptions.maximumEnd(application, start), EvacuationPlanDeadline.of(start), YearlyCheckSchedule.nextDue(start, null),
                null, null, null, null, null, null, null, null, null, now, now, null));
        planStatus.start(loan);
        log.record(actor, new Step(SubjectType.LOAN, loan.id(), loan.householdId(), loan.id(), "start", null,
                LoanState.ACTIVE.name(), null, "maxEndDate=" + loan.maxEndDate() + " planDeadline=" + loan.planDeadline()
                + " nextCheckDue=" + loan.nextCheckDue(), start));
        TermsAcceptance acceptance = terms.save(new TermsAcceptance(null, loan.id(), TermsOfLoan.VERSION,
                TermsChannel.IN_PERSON, TermsAcceptanceState.ACCEPTED, start, null, actor.userId(), start,
                accepted.acceptedByName().strip(), true, true, now, now, null));
        log.record(actor, new Step(SubjectType.TERMS_ACCEPTANCE, acceptance.id(), loan.householdId(), loan.id(),
                "accept", null, TermsAcceptanceState.ACCEPTED.name(), null, "terms " + TermsOfLoan.VERSION, start));
        handovers.publishEvent(new DeviceHandedOver(loan.householdId(), loan.id(), loan.deviceId()));
        return loan;
    }
}
