package jp.inochi.shelters;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The household page's nearest shelters and welfare shelters: none while the home has no location. */
@Singleton
final class HouseholdSheltersSection implements PageSection {
    private final NearestShelters shelters;
    private final HouseholdRepository households;

    HouseholdSheltersSection(NearestShelters shelters, HouseholdRepository households) {
        this.shelters = shelters;
        this.households = households;
    }

    @Override
    public String page() {
        return HOUSEHOLD_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long householdId, Form form) {
        boolean located = households.findById(householdId).map(h -> h.longitude() != null).orElse(false);
        model.put("shelters", located
                ? shelters.nearHousehold(householdId, new NearestShelters.Search(5, false, null, null)) : List.of());
        model.put("welfareShelters", located
                ? shelters.nearHousehold(householdId, new NearestShelters.Search(3, true, null, null)) : List.of());
    }
}
