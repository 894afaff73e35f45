package jp.inochi.loans;

import jakarta.inject.Singleton;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's loan applications and loans (center staff only). */
@Singleton
final class HouseholdLoansSection implements PageSection {
    private final LoanApplications loanApplications;
    private final Loans loans;

    HouseholdLoansSection(LoanApplications loanApplications, Loans loans) {
        this.loanApplications = loanApplications;
        this.loans = loans;
    }

    @Override
    public String page() {
        return HOUSEHOLD_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long householdId, Form form) {
        if (!viewer.isCenter()) {
            return;
        }
        model.put("loanApplications", loanApplications.list(null, householdId));
        model.put("loans", loans.list(null, householdId));
    }
}
