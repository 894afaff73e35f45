package jp.inochi.households;

import jakarta.inject.Singleton;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's consent history; center staff only, like the consents themselves (HouseholdView: full view). */
@Singleton
final class ConsentHistorySection implements PageSection {
    private final ConsentHistory history;

    ConsentHistorySection(ConsentHistory history) {
        this.history = history;
    }

    @Override
    public String page() {
        return HOUSEHOLD_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long householdId, Form form) {
        if (viewer.isCenter()) {
            model.put("consentHistory", history.of(householdId));
        }
    }
}
