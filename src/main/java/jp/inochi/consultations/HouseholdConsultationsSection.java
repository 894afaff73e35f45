package jp.inochi.consultations;

import jakarta.inject.Singleton;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's consultations, for center staff only (officers never see consultations). */
@Singleton
final class HouseholdConsultationsSection implements PageSection {
    private final ConsultationReads reads;

    HouseholdConsultationsSection(ConsultationReads reads) {
        this.reads = reads;
    }

    @Override
    public String page() {
        return HOUSEHOLD_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long householdId, Form form) {
        if (viewer.isCenter()) {
            model.put("householdConsultations", reads.ofHousehold(householdId));
        }
    }
}
