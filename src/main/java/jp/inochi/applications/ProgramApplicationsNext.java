package jp.inochi.applications;

import java.util.ArrayList;
import java.util.List;
import jp.inochi.applications.model.ProgramApplicationAction;

/** The next steps of a program application, in the center's words, from the API names the service allows. */
public final class ProgramApplicationsNext {
    private ProgramApplicationsNext() {
    }

    public static List<String> of(List<String> allowedApiNames) {
        List<String> labels = new ArrayList<>();
        for (ProgramApplicationAction action : ProgramApplicationAction.values()) {
            if (allowedApiNames.contains(action.apiName()) && action != ProgramApplicationAction.WITHDRAW
                    && action != ProgramApplicationAction.RECORD_SUBSIDY_EXCEPTION) {
                labels.add(action.label());
            }
        }
        return labels;
    }
}
