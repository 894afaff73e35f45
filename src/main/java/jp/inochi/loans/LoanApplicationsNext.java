package jp.inochi.loans;

import java.util.ArrayList;
import java.util.List;
import jp.inochi.loans.model.LoanApplicationAction;

/** The next steps of a loan application, in the center's words, from the API names the service allows. */
public final class LoanApplicationsNext {
    private LoanApplicationsNext() {
    }

    public static List<String> of(List<String> allowedApiNames) {
        List<String> labels = new ArrayList<>();
        for (LoanApplicationAction action : LoanApplicationAction.values()) {
            if (allowedApiNames.contains(action.apiName()) && action != LoanApplicationAction.WITHDRAW
                    && action != LoanApplicationAction.RELEASE_DEVICE) {
                labels.add(action.label());
            }
        }
        return labels;
    }
}
