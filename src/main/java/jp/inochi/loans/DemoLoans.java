package jp.inochi.loans;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Viewer;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.InformationRequest;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.applications.Refusal;
import jp.inochi.applications.StepCommand;
import jp.inochi.applications.model.ProgramDates;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceAction;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.devices.FuelType;
import jp.inochi.households.GuardianRepository;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.model.PlanStep;
import jp.inochi.loans.model.ReturnReason;
import jp.inochi.platform.time.JapanTime;

/**
 * The devices and the families' way through the program of gis/demo/loans.json, walked through the real services
 * by the demo user {@code staff}, with dates counted back from the day it is loaded: plan deadlines due soon and
 * overdue, an overdue yearly check, an open return, an ended loan, applications in every state.
 */
@Singleton
final class DemoLoans implements DemoDataSet {
    /** Demo loans start after the center opened (seed 000, line 490) and after a few days of processing. */
    private static final LocalDate EARLIEST_START = ProgramDates.APPLICATIONS_OPENED.plusDays(10);

    private final Devices devices;
    private final ProgramApplications programs;
    private final LoanApplications loanApplications;
    private final EvacuationPlanSteps planSteps;
    private final LoanReturns returns;
    private final DemoYearlyCheck yearlyCheck;
    private final DemoDeviceSwap swap;
    private final GuardianRepository guardians;
    private final AppUserRepository users;
    private final JsonMapper json;
    private final Clock clock;

    DemoLoans(Devices devices, ProgramApplications programs, LoanApplications loanApplications,
              EvacuationPlanSteps planSteps, LoanReturns returns, DemoYearlyCheck yearlyCheck, DemoDeviceSwap swap,
              GuardianRepository guardians, AppUserRepository users, JsonMapper json, Clock clock) {
        this.devices = devices;
        this.programs = programs;
        this.loanApplications = loanApplications;
        this.planSteps = planSteps;
        this.returns = returns;
        this.yearlyCheck = yearlyCheck;
        this.swap = swap;
        this.guardians = guardians;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "loans";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String load(Path demoDirectory) throws Exception {
        Map<String, Object> document = json.readValue(Files.readAllBytes(demoDirectory.resolve("loans.json")), Map.class);
        Actor staff = users.findByUsername("staff")
                .map(u -> Actor.of(new Viewer(u.id(), u.username(), u.displayName(), u.role(), null, null, null)))
                .orElse(Actor.SYSTEM);
        LocalDate today = JapanTime.today(clock);
        Deque<Device> shelf = new ArrayDeque<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) document.get("devices")) {
            Device device = devices.register(staff, new Devices.DeviceDetails(text(d, "serial"), text(d, "manufacturer"),
                    text(d, "model"), number(d, "rated_output_watts").intValue(), true, FuelType.valueOf(text(d, "fuel_type")),
                    decimal(d, "tank_litres"), decimal(d, "runtime_hours_per_tank"),
                    LocalDate.parse(text(d, "purchase_date")), DeviceCondition.GOOD, "デモ用の架空の装置", null));
            if (Boolean.TRUE.equals(d.get("in_repair"))) {
                devices.moveManually(staff, device.id(), DeviceAction.SEND_TO_REPAIR, "燃料コック交換（デモ）");
            } else {
                shelf.add(device);
            }
        }
        int loansStarted = 0;
        int applications = 0;
        for (Map<String, Object> family : (List<Map<String, Object>>) document.get("families")) {
            long householdId = guardians.findByEmail(text(family, "guardian_email")).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No demo household for " + family.get("guardian_email")))
                    .householdId();
            if (family.containsKey("loan_start")) {
                Device device = shelf.pop();
                if (runningLoan(staff, householdId, family, device, shelf, today)) {
                    shelf.add(device);
                }
                loansStarted++;
            } else {
                application(staff, householdId, family, shelf, today);
                applications++;
            }
        }
        return ((List<?>) document.get("devices")).size() + " devices, " + loansStarted + " loans, "
                + applications + " applications in progress";
    }

    /** Walks a loan to where the family's story is; true if it ended and its device is back on the shelf. */
    @SuppressWarnings("unchecked")
    private boolean runningLoan(Actor staff, long householdId, Map<String, Object> family, Device device,
                                Deque<Device> shelf, LocalDate today) {
        Map<String, Object> when = (Map<String, Object>) family.get("loan_start");
        LocalDate start = today.minusMonths(number(when, "months_ago").longValue()).plusDays(number(when, "days_later").longValue());
        if (start.isBefore(EARLIEST_START)) {
            start = EARLIEST_START;
        }
        LocalDate received = latest(start.minusDays(8), ProgramDates.APPLICATIONS_OPENED);
        LocalDate decided = earliest(received.plusDays(2), start);
        ProgramApplication program = approvedProgram(staff, householdId, family, received, decided);
        LoanApplication application = loanApplications.receive(staff,
                new LoanApplications.NewLoanApplication(program.id(), decided, null));
        loanApplications.startReview(staff, application.id(), new StepCommand(null, decided, null));
        LocalDate loanDecided = earliest(decided.plusDays(3), start);
        loanApplications.approve(staff, application.id(), new LoanApplications.Decision(null, loanDecided, null));
        loanApplications.assignDevice(staff, application.id(),
                new LoanApplications.DeviceAssignment(device.id(), loanDecided, null));
        Loan loan = loanApplications.handOver(staff, application.id(), new LoanApplications.Handover(start,
                new TermsAccepted(true, true, "保護者（デモ）"), "ご自宅で説明し引渡し（デモ）", null));
        List<Number> planMonths = (List<Number>) family.get("plan");
        PlanStep[] steps = PlanStep.values();
        for (int i = 0; i < planMonths.size(); i++) {
            LocalDate on = earliest(start.plusMonths(planMonths.get(i).longValue()), today);
            planSteps.recordPlanStep(staff, loan.id(), new EvacuationPlanSteps.PlanStepRecord(steps[i], on, null, null));
        }
        if (family.get("inspection") instanceof Map<?, ?> inspection) {
            LocalDate on = latest(today.minusMonths(number((Map<String, Object>) inspection, "months_ago").longValue()), start);
            yearlyCheck.record(staff, loan.id(), on, decimal((Map<String, Object>) inspection, "fuel_litres"),
                    !Boolean.FALSE.equals(inspection.get("test_run_passed")));
        }
        if (family.get("swap") instanceof Map<?, ?> broken) {
            swap.walk(staff, loan.id(), shelf.removeLast().id(), (Map<String, Object>) broken, start, today);
            shelf.add(device);
        }
        if (!(family.get("return") instanceof Map<?, ?> giveBack)) {
            return false;
        }
        LocalDate opened = latest(today.minusDays(number((Map<String, Object>) giveBack, "days_ago").longValue()), start);
        returns.openReturn(staff, loan.id(), new LoanReturns.ReturnRequest(
                ReturnReason.valueOf(text((Map<String, Object>) giveBack, "reason")),
                text((Map<String, Object>) giveBack, "note"), opened, null));
        if (!(family.get("ended") instanceof Map<?, ?> ended)) {
            return false;
        }
        LocalDate on = latest(today.minusDays(number((Map<String, Object>) ended, "days_ago").longValue()), opened);
        returns.receiveDevice(staff, loan.id(), new LoanReturns.DeviceReceipt(on, DeviceCondition.GOOD,
                "ご自宅で受け取り（デモ）", null));
        returns.completeReturn(staff, loan.id(), new LoanReturns.ReturnInspection(on,
                LoanReturns.DeviceAfterReturn.AVAILABLE, "点検済み・異常なし（デモ）", null));
        return true;
    }

    private void application(Actor staff, long householdId, Map<String, Object> family, Deque<Device> shelf, LocalDate today) {
        LocalDate received = latest(today.minusDays(number(family, "received_days_ago").longValue()),
                ProgramDates.APPLICATIONS_OPENED);
        String state = text(family, "program");
        if (state.equals("APPROVED")) {
            LocalDate decided = earliest(received.plusDays(3), today);
            ProgramApplication program = approvedProgram(staff, householdId, family, received, decided);
            LoanApplication application = loanApplications.receive(staff,
                    new LoanApplications.NewLoanApplication(program.id(), decided, null));
            loanApplicationAt(staff, application.id(), text(family, "loan_application"), family, decided, shelf, today);
            return;
        }
        ProgramApplication program = programs.receive(staff, new ProgramApplications.NewProgramApplication(householdId,
                received, null, (String) family.get("subsidy_exception"), "窓口で受付（デモ）"));
        if (state.equals("RECEIVED")) {
            return;
        }
        LocalDate reviewed = earliest(received.plusDays(1), today);
        programs.startReview(staff, program.id(), new StepCommand(null, reviewed, null));
        switch (state) {
            case "INFORMATION_REQUESTED" -> programs.requestInformation(staff, program.id(),
                    new InformationRequest(text(family, "information_request"), reviewed, null));
            case "REJECTED" -> programs.reject(staff, program.id(),
                    new Refusal(text(family, "rejection"), earliest(reviewed.plusDays(5), today), null));
            case "WITHDRAWN" -> programs.withdraw(staff, program.id(),
                    new Refusal(text(family, "withdrawal"), earliest(reviewed.plusDays(2), today), null));
            default -> {
                // UNDER_REVIEW: left with the staff
            }
        }
    }

    /** Takes a received loan application on to the state the family's story has it in. */
    private void loanApplicationAt(Actor staff, long id, String state, Map<String, Object> family, LocalDate received,
                                   Deque<Device> shelf, LocalDate today) {
        if (state.equals("RECEIVED")) {
            return;
        }
        loanApplications.startReview(staff, id, new StepCommand(null, received, null));
        LocalDate decided = earliest(received.plusDays(3), today);
        switch (state) {
            case "INFORMATION_REQUESTED" -> loanApplications.requestInformation(staff, id,
                    new InformationRequest(text(family, "information_request"), received, null));
            case "REJECTED" -> loanApplications.reject(staff, id, new Refusal(text(family, "rejection"), decided, null));
            case "WITHDRAWN" -> loanApplications.withdraw(staff, id, new Refusal(text(family, "withdrawal"), decided, null));
            case "APPROVED" -> loanApplications.approve(staff, id, new LoanApplications.Decision(null, decided, null));
            case "DEVICE_ASSIGNED" -> {
                loanApplications.approve(staff, id, new LoanApplications.Decision(null, decided, null));
                loanApplications.assignDevice(staff, id, new LoanApplications.DeviceAssignment(shelf.pop().id(), decided, null));
            }
            default -> {
                // UNDER_REVIEW: left with the staff
            }
        }
    }

    private ProgramApplication approvedProgram(Actor staff, long householdId, Map<String, Object> family,
                                               LocalDate received, LocalDate decided) {
        ProgramApplication program = programs.receive(staff, new ProgramApplications.NewProgramApplication(householdId,
                received, null, (String) family.get("subsidy_exception"), "窓口で受付（デモ）"));
        programs.startReview(staff, program.id(), new StepCommand(null, received, null));
        return programs.approve(staff, program.id(), new ProgramApplications.Approval(List.of(), decided, null, null));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }

    private static Number number(Map<String, Object> map, String key) {
        return (Number) map.get(key);
    }

    private static BigDecimal decimal(Map<String, Object> map, String key) {
        return new BigDecimal(String.valueOf(map.get(key)));
    }
}
