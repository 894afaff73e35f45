package jp.inochi.applications;

import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.applications.model.ProgramApplicationState;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's program applications (center staff only), and whether a new one may be received. */
@Singleton
final class HouseholdApplicationsSection implements PageSection {
    /** An application in one of these states stands in the way of receiving another. */
    private static final EnumSet<ProgramApplicationState> STANDING = EnumSet.of(ProgramApplicationState.RECEIVED,
            ProgramApplicationState.UNDER_REVIEW, ProgramApplicationState.INFORMATION_REQUESTED,
            ProgramApplicationState.APPROVED);

    private final ProgramApplications programs;

    HouseholdApplicationsSection(ProgramApplications programs) {
        this.programs = programs;
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
        List<ProgramApplication> programList = programs.list(null, householdId);
        model.put("programApplications", programList);
        model.put("canReceiveProgramApplication", programList.stream().noneMatch(a -> STANDING.contains(a.state())));
    }
}
