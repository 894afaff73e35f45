package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.applications.FindLoanApplications;
import jp.inochi.applications.ProgramApplication;
import jp.inochi.loans.model.LoanApplicationState;

/** Tells the program application's page which loan applications were received on it. */
@Singleton
class ProgramLoanApplications implements FindLoanApplications {
    private final LoanApplications applications;

    ProgramLoanApplications(LoanApplications applications) {
        this.applications = applications;
    }

    /** Another may be received once every earlier one was rejected or withdrawn (as {@link LoanApplications} checks). */
    @Override
    public LoanApplicationsOfProgram of(ProgramApplication program) {
        List<LoanApplication> received = applications.list(null, program.householdId()).stream()
                .filter(l -> l.programApplicationId() == program.id()).toList();
        return new LoanApplicationsOfProgram(received, received.stream().allMatch(
                l -> l.state() == LoanApplicationState.REJECTED || l.state() == LoanApplicationState.WITHDRAWN));
    }
}
