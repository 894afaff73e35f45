package jp.inochi.testsupport;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.inochi.access.Role;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.applications.StepCommand;
import jp.inochi.devices.Device;
import jp.inochi.devices.DeviceCondition;
import jp.inochi.devices.Devices;
import jp.inochi.devices.FuelType;
import jp.inochi.households.Household;
import jp.inochi.lifecycle.Actor;
import jp.inochi.loans.Loan;
import jp.inochi.loans.LoanApplication;
import jp.inochi.loans.LoanApplications;
import jp.inochi.loans.TermsAccepted;

/**
 * Walks households through the real services to the state a test needs: an approved program application, an
 * approved loan application, a device assigned, a running loan. Steps are dated on the day given, and the
 * {@link MovableClock} is set to that day (the services refuse dates in the future).
 */
@Singleton
public class TestLoans {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    public static final String HITOYOSHI = "43203";

    private final ProgramApplications programs;
    private final LoanApplications loanApplications;
    private final Devices devices;
    private final TestHouseholds households;
    private final TestLogins logins;
    private final MovableClock clock;

    TestLoans(ProgramApplications programs, LoanApplications loanApplications, Devices devices,
              TestHouseholds households, TestLogins logins, MovableClock clock) {
        this.programs = programs;
        this.loanApplications = loanApplications;
        this.devices = devices;
        this.households = households;
        this.logins = logins;
        this.clock = clock;
    }

    public Actor staff() {
        return Actor.of(logins.viewer(Role.CENTER_STAFF));
    }

    public Actor admin() {
        return Actor.of(logins.viewer(Role.CENTER_ADMIN));
    }

    /** A new sine-wave generator with a unique serial number: 3.6 L tank, 8 hours per tank. */
    public Device device() {
        return devices.register(staff(), new Devices.DeviceDetails("T" + ProcessHandle.current().pid() + "-"
                + SERIAL.incrementAndGet(), "テスト発電機製作所", "SW-1800i", 1800, true, FuelType.GASOLINE,
                new BigDecimal("3.6"), new BigDecimal("8.0"), LocalDate.of(2025, 1, 10), DeviceCondition.GOOD, null, null));
    }

    public ProgramApplication approvedProgram(Household household, LocalDate on) {
        clock.setDate(on);
        ProgramApplication received = programs.receive(staff(),
                new ProgramApplications.NewProgramApplication(household.id(), on, null, null, null));
        programs.startReview(staff(), received.id(), StepCommand.today());
        return programs.approve(staff(), received.id(), new ProgramApplications.Approval(List.of(), null, null, null));
    }

    public LoanApplication approvedLoanApplication(Household household, LocalDate on) {
        ProgramApplication program = approvedProgram(household, on);
        LoanApplication received = loanApplications.receive(staff(),
                new LoanApplications.NewLoanApplication(program.id(), on, null));
        loanApplications.startReview(staff(), received.id(), StepCommand.today());
        return loanApplications.approve(staff(), received.id(), new LoanApplications.Decision(null, null, null));
    }

    public LoanApplication deviceAssigned(Household household, Device device, LocalDate on) {
        LoanApplication approved = approvedLoanApplication(household, on);
        return loanApplications.assignDevice(staff(), approved.id(),
                new LoanApplications.DeviceAssignment(device.id(), null, null));
    }

    public static TermsAccepted termsAccepted() {
        return new TermsAccepted(true, true, "熊本 美咲");
    }

    /** A running loan that started on {@code start} for the household, with a new device. */
    public Loan loanStartedOn(Household household, LocalDate start) {
        LoanApplication assigned = deviceAssigned(household, device(), start);
        return loanApplications.handOver(staff(), assigned.id(),
                new LoanApplications.Handover(start, termsAccepted(), null, null));
    }

    /** A running loan for a new household in 人吉市 that shares with its municipality. */
    public Loan loanStartedOn(LocalDate start) {
        return loanStartedOn(households.living(HITOYOSHI, true), start);
    }
}
