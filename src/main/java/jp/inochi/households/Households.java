package jp.inochi.households;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.ExpectedVersion;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.municipalities.Municipalities;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers and corrects households (center staff). A change of home publishes {@link HouseholdMoved}, and a child
 * recorded as off the ventilator {@link ChildWeanedOffVentilator}, both after the change has committed.
 */
@Singleton
public class Households {
    private static final Logger LOG = LoggerFactory.getLogger(Households.class);

    private final HouseholdRepository households;
    private final HouseholdFactsRepository facts;
    private final GuardianRepository guardians;
    private final HouseholdRules rules;
    private final LifecycleLog log;
    private final AuditLog auditLog;
    private final ConsentHistory consentHistory;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<HouseholdMoved> moves;
    private final ApplicationEventPublisher<ChildWeanedOffVentilator> weanings;
    private final Validator validator;
    private final Clock clock;

    Households(HouseholdRepository households, GuardianRepository guardians, Municipalities municipalities,
               LifecycleLog log, AuditLog auditLog, ConsentHistory consentHistory, TransactionOperations<Connection> transactions,
               ApplicationEventPublisher<HouseholdMoved> moves, ApplicationEventPublisher<ChildWeanedOffVentilator> weanings,
               HouseholdFactsRepository facts, Validator validator, Clock clock) {
        this.households = households;
        this.facts = facts;
        this.guardians = guardians;
        this.rules = new HouseholdRules(code -> municipalities.municipality(code).isPresent(),
                code -> municipalities.ward(code).filter(w -> HouseholdRules.KUMAMOTO_CITY.equals(w.parentCode())).isPresent());
        this.log = log;
        this.auditLog = auditLog;
        this.consentHistory = consentHistory;
        this.transactions = transactions;
        this.moves = moves;
        this.weanings = weanings;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Registers a household. {@link HouseholdMoved} is published for it too (previous prefecture = its prefecture),
     * so features that follow homes, such as hazard exposure, see a new home like a changed one.
     */
    public Household register(Viewer viewer, @Valid HouseholdForm form) {
        validate(form);
        Household registered = transactions.executeWrite(status -> {
            Instant now = clock.instant();
            Household saved = households.save(toHousehold(null, form, now, now, null));
            saveGuardians(saved.id(), form);
            if (Boolean.FALSE.equals(form.livesAtHome())) {
                facts.updateLivesAtHome(saved.id(), false);
                saved = households.findById(saved.id()).orElseThrow();
            }
            consentHistory.recordIfChanged(viewer, saved.id(), null, consents(saved), agreedBy(form), form.consentOrdinanceNote());
            auditLog.changed(viewer, AuditAction.CREATE, "/api/households", "household", saved.id(), saved.id(), null);
            log.record(Actor.of(viewer), new Step(SubjectType.HOUSEHOLD, saved.id(), saved.id(), null, "register", null,
                    null, null, null, JapanTime.today(clock)));
            return saved;
        });
        try {
            moves.publishEvent(new HouseholdMoved(registered.id(), registered.prefectureCode(),
                    registered.prefectureCode(), registered.longitude() != null));
        } catch (RuntimeException e) {
            LOG.warn("A listener failed after household {} was registered: {}", registered.id(), e.getClass().getSimpleName());
        }
        return registered;
    }

    /** Corrects a household; moves and weaning are published once the correction is committed. */
    public Household correct(Viewer viewer, long id, @Valid HouseholdForm form) {
        validate(form);
        record Change(Household before, Household after) {
        }
        Change change = transactions.executeWrite(status -> {
            Household before = households.findById(id).orElseThrow(() -> new NotFoundException("世帯"));
            ExpectedVersion.check(form.version(), before.version());
            Household after = households.update(toHousehold(id, form, before.createdAt(), clock.instant(), before.version()));
            guardians.deleteByHouseholdId(id);
            saveGuardians(id, form);
            consentHistory.recordIfChanged(viewer, id, consents(before), consents(after), agreedBy(form),
                    form.consentOrdinanceNote());
            Long loanId = households.findCurrentLoanId(id).orElse(null);
            auditLog.changed(viewer, AuditAction.UPDATE, "/api/households/{id}", "household", id, id, null);
            after = livesAtHome(viewer, id, loanId, form.livesAtHome(), after);
            String action = moved(before, after) ? "move" : "correct";
            log.record(Actor.of(viewer), new Step(SubjectType.HOUSEHOLD, id, id, loanId, action, null, null, null,
                    moved(before, after) ? "prefecture " + before.prefectureCode() + "→" + after.prefectureCode()
                            + " municipality " + before.municipalityCode() + "→" + after.municipalityCode() : null,
                    JapanTime.today(clock)));
            if (before.ventilatorDependent() && !after.ventilatorDependent()) {
                log.record(Actor.of(viewer), new Step(SubjectType.HOUSEHOLD, id, id, loanId, "weaned-off-ventilator",
                        null, null, null, null, JapanTime.today(clock)));
            }
            return new Change(before, after);
        });
        publishAfterCommit(change.before(), change.after());
        return change.after();
    }

    /** 在宅 (line 486) as the form says, if it says and it changed; the household as it now is. */
    private Household livesAtHome(Viewer viewer, long id, Long loanId, Boolean atHome, Household after) {
        if (atHome == null || atHome == facts.findLivesAtHome(id).orElse(true)) {
            return after;
        }
        facts.updateLivesAtHome(id, atHome);
        log.record(Actor.of(viewer), new Step(SubjectType.HOUSEHOLD, id, id, loanId, atHome ? "back-home" : "left-home",
                null, null, null, null, JapanTime.today(clock)));
        return households.findById(id).orElseThrow();
    }

    private void publishAfterCommit(Household before, Household after) {
        try {
            if (moved(before, after)) {
                moves.publishEvent(new HouseholdMoved(after.id(), before.prefectureCode(), after.prefectureCode(),
                        !Objects.equals(before.longitude(), after.longitude())
                                || !Objects.equals(before.latitude(), after.latitude())));
            }
            if (before.ventilatorDependent() && !after.ventilatorDependent()) {
                weanings.publishEvent(new ChildWeanedOffVentilator(after.id()));
            }
        } catch (RuntimeException e) {
            // The correction stands; listeners (exposure, loan returns) catch up through their own sweeps.
            LOG.warn("A listener failed after household {} changed: {}", after.id(), e.getClass().getSimpleName());
        }
    }

    private static ConsentScopes.Consents consents(Household h) {
        return new ConsentScopes.Consents(h.sharesWithMunicipality(), h.sharingConsentDate(), h.emailContactConsent());
    }

    /** The form has no field for who agreed; the first guardian is the family's signatory on the application. */
    /** The person staff wrote as agreeing; when left blank, the first guardian, who signs the program's forms. */
    private static String agreedBy(HouseholdForm form) {
        if (form.consentAgreedBy() != null && !form.consentAgreedBy().isBlank()) {
            return form.consentAgreedBy().strip();
        }
        return form.guardians().isEmpty() ? null : form.guardians().get(0).name().strip();
    }

    static boolean moved(Household before, Household after) {
        return !Objects.equals(before.address(), after.address())
                || !Objects.equals(before.prefectureCode(), after.prefectureCode())
                || !Objects.equals(before.municipalityCode(), after.municipalityCode())
                || !Objects.equals(before.wardCode(), after.wardCode())
                || !Objects.equals(before.longitude(), after.longitude())
                || !Objects.equals(before.latitude(), after.latitude());
    }

    /**
     * Everything {@link #register} or {@link #correct} would refuse in the form, without writing: each field's
     * constraints, then the household rules. The bulk import's dry run asks this for every row.
     */
    public List<FieldError> problems(HouseholdForm form) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<HouseholdForm> violation : validator.validate(form)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (form.ventilatorDependent() != null && form.sharesWithMunicipality() != null
                && form.emailContactConsent() != null && form.guardians() != null) {
            errors.addAll(ruleErrors(form));
        }
        return errors;
    }

    private void validate(HouseholdForm form) {
        List<FieldError> errors = ruleErrors(form);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private List<FieldError> ruleErrors(HouseholdForm form) {
        return rules.check(new HouseholdRules.Facts(form.childBirthDate(),
                form.nicuDischargeDate(), form.ventilatorDependent(), form.ventilatorHoursPerDay(),
                form.ventilatorOffMinutesPerDay(), form.prefectureCode(), blankToNull(form.municipalityCode()),
                blankToNull(form.wardCode()), form.longitude(), form.latitude(), form.sharesWithMunicipality(),
                form.sharingConsentDate(), form.emailContactConsent(),
                form.guardians().stream().anyMatch(g -> g.email() != null && !g.email().isBlank())),
                JapanTime.today(clock));
    }

    private void saveGuardians(long householdId, HouseholdForm form) {
        for (int i = 0; i < form.guardians().size(); i++) {
            HouseholdForm.GuardianForm g = form.guardians().get(i);
            guardians.save(new Guardian(null, householdId, i + 1, g.name().strip(), blankToNull(g.nameKana()),
                    blankToNull(g.relationship()), blankToNull(g.email()), blankToNull(g.phone())));
        }
    }

    private static Household toHousehold(Long id, HouseholdForm f, Instant createdAt, Instant updatedAt, Long version) {
        return new Household(id, f.childFamilyName().strip(), f.childGivenName().strip(),
                f.childFamilyNameKana().strip(), f.childGivenNameKana().strip(), f.childBirthDate(),
                f.nicuInstitution().strip(), f.nicuInKumamoto(), f.nicuDischargeDate(), f.ventilatorDependent(),
                f.ventilatorHoursPerDay(), f.ventilatorOffMinutesPerDay(), blankToNull(f.otherCare()),
                blankToNull(f.postalCode()), f.address().strip(), f.prefectureCode(), blankToNull(f.municipalityCode()),
                blankToNull(f.wardCode()), f.longitude(), f.latitude(), f.sharesWithMunicipality(),
                f.sharingConsentDate(), f.emailContactConsent(), f.ventilatorBatteryHours(),
                f.spareBatteryCount() == null ? 0 : f.spareBatteryCount(), f.spareBatteryHoursEach(),
                createdAt, updatedAt, version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
