package jp.inochi.inspections;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.followups.FollowUps;
import jp.inochi.followups.model.FollowUpPolicy;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdCheckFindings;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.inspections.model.HouseholdFollowsCheck;
import jp.inochi.inspections.model.HouseholdFollowsCheck.Finding;
import jp.inochi.inspections.model.InspectionChecklist;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.inspections.model.InspectionVerdict;
import jp.inochi.lifecycle.Actor;
import jp.inochi.lifecycle.Dates;
import jp.inochi.lifecycle.LifecycleLog;
import jp.inochi.lifecycle.LifecycleLog.Step;
import jp.inochi.lifecycle.SubjectType;
import jp.inochi.loans.Loan;
import jp.inochi.loans.DueReturns;
import jp.inochi.loans.Loans;
import jp.inochi.loans.YearlyChecks;
import jp.inochi.loans.model.LoanAction;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.problem.ConflictException;
import jp.inochi.platform.problem.FieldError;
import jp.inochi.platform.problem.InvalidInputException;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * Yearly checks (seed 000, line 541): the checklist, notes, an outcome and photos. The next check falls due 12 months
 * later; an outcome that fails the program's conditions opens the return.
 */
@Singleton
public class Inspections {
    private final InspectionRepository inspections;
    private final InspectionPhotoRepository photos;
    private final Loans loans;
    private final YearlyChecks yearlyChecks;
    private final DueReturns dueReturns;
    private final HouseholdRepository households;
    private final HouseholdCheckFindings findings;
    private final Devices devices;
    private final FollowUps followUps;
    private final PhotoStore store;
    private final FileSettings settings;
    private final LifecycleLog log;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<YearlyCheckFailed> failedChecks;
    private final Clock clock;

    Inspections(InspectionRepository inspections, InspectionPhotoRepository photos, Loans loans,
                YearlyChecks yearlyChecks, DueReturns dueReturns, HouseholdRepository households,
                HouseholdCheckFindings findings, Devices devices, FollowUps followUps, PhotoStore store, FileSettings settings,
                LifecycleLog log, TransactionOperations<Connection> transactions,
                ApplicationEventPublisher<YearlyCheckFailed> failedChecks, Clock clock) {
        this.inspections = inspections;
        this.photos = photos;
        this.loans = loans;
        this.yearlyChecks = yearlyChecks;
        this.dueReturns = dueReturns;
        this.households = households;
        this.findings = findings;
        this.devices = devices;
        this.followUps = followUps;
        this.store = store;
        this.settings = settings;
        this.log = log;
        this.transactions = transactions;
        this.failedChecks = failedChecks;
        this.clock = clock;
    }

    @Serdeable
    public record NewInspection(
            @NotNull Long loanId,
            @NotNull LocalDate inspectedOn,
            @NotNull DeviceCondition deviceCondition,
            @NotNull Boolean testRunPassed,
            @NotNull Boolean fuelStoredSafely,
            @NotNull @DecimalMin("0") @DecimalMax("200") BigDecimal fuelStoredLitres,
            @NotNull Boolean childUsesVentilatorAroundClock,
            @NotNull Boolean familyLivesInPrefecture,
            @Nullable @Size(max = 4000) String notes,
            @Nullable InspectionOutcome outcome,
            // 在宅 (line 486): at home rather than in a hospital or facility; not given = at home
            @Nullable Boolean childLivesAtHome) {

        @io.micronaut.core.annotation.Creator
        public NewInspection {
        }

        public NewInspection(Long loanId, LocalDate inspectedOn, DeviceCondition deviceCondition, Boolean testRunPassed,
                             Boolean fuelStoredSafely, BigDecimal fuelStoredLitres, Boolean childUsesVentilatorAroundClock,
                             Boolean familyLivesInPrefecture, @Nullable String notes, @Nullable InspectionOutcome outcome) {
            this(loanId, inspectedOn, deviceCondition, testRunPassed, fuelStoredSafely, fuelStoredLitres,
                    childUsesVentilatorAroundClock, familyLivesInPrefecture, notes, outcome, null);
        }

        boolean atHome() {
            return !Boolean.FALSE.equals(childLivesAtHome);
        }
    }

    /** The check as recorded, the loan after it (next check due, maybe a return opened). */
    public record Recorded(Inspection inspection, Loan loan, boolean returnOpened) {
    }

    public Inspection get(long id) {
        return inspections.findById(id).orElseThrow(() -> new NotFoundException("確認"));
    }

    public List<Inspection> list(@Nullable Long loanId) {
        return loanId == null ? inspections.findAllOrderByIdDesc() : inspections.findByLoanIdOrderByInspectedOn(loanId);
    }

    public List<InspectionPhoto> photos(long inspectionId) {
        get(inspectionId);
        return photos.findByInspectionIdOrderById(inspectionId);
    }

    @Transactional
    public Recorded record(Actor actor, @Valid NewInspection command) {
        Loan loan;
        try {
            loan = loans.get(command.loanId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("loanId", "貸与（番号 " + command.loanId() + "）が見つかりません");
        }
        LoanAction.LIFECYCLE.next(loan.state(), LoanAction.RECORD_INSPECTION);
        List<FieldError> errors = new ArrayList<>();
        Dates.notInFuture(errors, "inspectedOn", command.inspectedOn(), JapanTime.today(clock));
        Dates.notBefore(errors, "inspectedOn", command.inspectedOn(), loan.startDate(), "貸与開始日");
        inspections.findFirstByLoanIdOrderByInspectedOnDesc(loan.id()).ifPresent(last ->
                Dates.notBefore(errors, "inspectedOn", command.inspectedOn(), last.inspectedOn(), "前回の確認日"));
        InspectionChecklist checklist = new InspectionChecklist(command.deviceCondition(), command.testRunPassed(),
                command.fuelStoredSafely(), command.fuelStoredLitres(), command.childUsesVentilatorAroundClock(),
                command.familyLivesInPrefecture());
        InspectionOutcome outcome = InspectionVerdict.outcome(checklist, command.outcome()).orElse(null);
        if (outcome == null) {
            errors.add(new FieldError("outcome", checklist.failsEligibility()
                    ? "貸与の条件を満たさない項目があるため、結果は「" + InspectionOutcome.CONDITIONS_NOT_MET.label() + "」になります"
                    : command.outcome() == InspectionOutcome.CONDITIONS_NOT_MET
                    ? "貸与の条件の項目（お子さんの人工呼吸器の使用・県内居住）がすべて満たされているため、返還にはできません"
                    : "装置の破損・試運転の不良・燃料保管の問題があるため、結果は「" + InspectionOutcome.FOLLOW_UP_NEEDED.label() + "」になります"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Inspection saved = inspections.save(new Inspection(null, loan.id(), loan.deviceId(), loan.householdId(),
                command.inspectedOn(), command.deviceCondition(), command.testRunPassed(), command.fuelStoredSafely(),
                command.fuelStoredLitres(), command.childUsesVentilatorAroundClock(), command.familyLivesInPrefecture(),
                command.atHome(), blank(command.notes()), outcome, actor.userId(), clock.instant(), null));
        log.record(actor, new Step(SubjectType.INSPECTION, saved.id(), loan.householdId(), loan.id(), "record", null,
                outcome.name(), blank(command.notes()), "fuelStoredLitres=" + command.fuelStoredLitres()
                + " deviceCondition=" + command.deviceCondition(), command.inspectedOn()));
        devices.recordCondition(loan.deviceId(), command.deviceCondition());
        Loan after = yearlyChecks.checkRecorded(actor, loan.id(), saved.id(), command.inspectedOn());
        boolean returnOpened = false;
        recordFindings(actor, loan, saved, checklist, command.atHome());
        if (outcome == InspectionOutcome.CONDITIONS_NOT_MET) {
            after = dueReturns.openReturnBecause(actor, loan.id(), ReturnReason.INSPECTION_FAILED,
                    String.join("・", checklist.eligibilityFailures()), command.inspectedOn()).orElse(after);
            returnOpened = true;
        }
        after = openFollowUp(actor, after, saved, checklist);
        if (outcome != InspectionOutcome.CONDITIONS_MET) {
            failedChecks.publishEvent(new YearlyCheckFailed(loan.householdId(), saved.id(), outcome.label()));
        }
        return new Recorded(saved, after, returnOpened);
    }

    /** A damaged device, failed test run or unsafe fuel opens a follow-up; a running loan's next check comes forward. */
    private Loan openFollowUp(Actor actor, Loan loan, Inspection check, InspectionChecklist checklist) {
        boolean opened = followUps.open(actor, new FollowUps.Subject(loan.id(), loan.householdId(), check.deviceId(),
                check.id(), null), FollowUpPolicy.reasons(checklist.deviceCondition() == DeviceCondition.DAMAGED,
                checklist.testRunPassed(), checklist.fuelStoredSafely()), check.inspectedOn()).isPresent();
        if (!opened || loan.state() != jp.inochi.loans.model.LoanState.ACTIVE) {
            return loan;
        }
        return yearlyChecks.nextCheckBroughtForward(actor, loan.id(), check.id(),
                followUps.nextCheckAfterFailedCondition(check.inspectedOn()), check.inspectedOn());
    }

    /** The household follows the check before the return opens, the check named as the source. */
    private void recordFindings(Actor actor, Loan loan, Inspection check, InspectionChecklist checklist, boolean atHome) {
        Household household = households.findById(loan.householdId()).orElseThrow();
        for (Finding finding : HouseholdFollowsCheck.findings(checklist, atHome, household.ventilatorDependent(),
                household.livesInKumamoto(), findings.livesAtHome(household.id()))) {
            switch (finding) {
                case OFF_VENTILATOR -> findings.offVentilator(actor, household.id(), loan.id(), check.id(), check.inspectedOn());
                case OUT_OF_PREFECTURE -> findings.outOfPrefecture(actor, household.id(), loan.id(), check.id(),
                        check.inspectedOn());
                case NOT_AT_HOME -> findings.notAtHome(actor, household.id(), loan.id(), check.id(), check.inspectedOn());
            }
        }
    }

    /**
     * Adds a photo: at most {@code inochi.files.max-photo-bytes}, only a real JPEG or PNG, kept without its metadata
     * (EXIF GPS and the like). The file and its row are written together; on any failure neither remains.
     */
    public InspectionPhoto addPhoto(Actor actor, long inspectionId, @Nullable String originalName, InputStream content) {
        Inspection inspection = get(inspectionId);
        if (photos.countByInspectionId(inspectionId) >= settings.maxPhotosPerInspection()) {
            throw new ConflictException("1回の確認に添付できる写真は" + settings.maxPhotosPerInspection() + "枚までです");
        }
        Path temp = store.receive(content);
        Path[] moved = new Path[1];
        boolean committed = false;
        try {
            UploadedImage.Checked image = UploadedImage.check(temp, settings.maxPhotoPixels());
            // the place it was taken (the family's home), the phone and the time go; the picture stays as it was
            byte[] kept = withoutMetadata(Files.readAllBytes(temp), image.contentType());
            Files.write(temp, kept);
            String sha256 = sha256(kept);
            long size = kept.length;
            String storedName = UUID.randomUUID() + image.extension();
            InspectionPhoto photo = transactions.executeWrite(status -> {
                InspectionPhoto saved = photos.save(new InspectionPhoto(null, inspectionId, storedName,
                        originalName == null ? null : baseName(originalName), image.contentType(), size, sha256,
                        image.width(), image.height(), actor.userId(), clock.instant()));
                log.record(actor, new Step(SubjectType.INSPECTION, inspectionId, inspection.householdId(),
                        inspection.loanId(), "add-photo", null, null, null, "photo=" + saved.id() + " " + image.width()
                        + "x" + image.height(), JapanTime.today(clock)));
                // The file moves into place last: if the row can't be written, the move never happens.
                moved[0] = store.commit(temp, inspectionId, storedName);
                return saved;
            });
            committed = true;
            return photo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.delete(temp);
            if (!committed) {
                // The transaction failed after the move (e.g. at commit): remove the file it would have named.
                store.delete(moved[0]);
            }
        }
    }

    /** The photo's file, if the photo belongs to the inspection. */
    public PhotoFile photoFile(long inspectionId, long photoId) {
        InspectionPhoto photo = photos.findById(photoId).filter(p -> p.inspectionId() == inspectionId)
                .orElseThrow(() -> new NotFoundException("写真"));
        return new PhotoFile(photo, store.path(inspectionId, photo.storedName()));
    }

    public record PhotoFile(InspectionPhoto photo, Path path) {
    }

    /** The client's file name without any path, at most 200 characters (kept only to show staff). */
    private static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static byte[] withoutMetadata(byte[] photo, String contentType) {
        try {
            return PhotoMetadata.strip(photo, contentType);
        } catch (IllegalArgumentException malformed) {
            throw UploadedImage.unreadable();
        }
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
