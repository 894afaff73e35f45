package jp.inochi.applications;

import java.util.List;

/**
 * The loan applications received on an approved program application, as its page lists them. Loans answer it, so
 * that loans depend on applications (the earlier step) and never the other way round.
 */
public interface FindLoanApplications {

    LoanApplicationsOfProgram of(ProgramApplication program);

    /** The loan applications, newest first, and whether none still stands, so the family may file another. */
    record LoanApplicationsOfProgram(List<? extends ReviewedApplication<?, ?>> applications,
                                     boolean anotherMayBeReceived) {
        public static final LoanApplicationsOfProgram NONE = new LoanApplicationsOfProgram(List.of(), false);
    }
}
