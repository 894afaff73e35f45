package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.devices.Device;
import jp.inochi.devices.Devices;
import jp.inochi.disasters.CareCoordinator;
import jp.inochi.disasters.CareCoordinators;
import jp.inochi.disasters.HouseholdPower;
import jp.inochi.evacuationplans.model.PlanHazard;
import jp.inochi.exposure.ExposureReadings;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.shelters.NearestShelters;

/** Reads what Inochi knows about a home from the features that own it; the caller has checked the scope. */
@Singleton
class HomeContexts {
    static final int SHELTER_CHOICES = 5;

    private final ExposureReadings exposures;
    private final NearestShelters shelters;
    private final HouseholdPower power;
    private final PlanStatusLinks loans;
    private final Devices devices;
    private final CareCoordinators coordinators;

    HomeContexts(ExposureReadings exposures, NearestShelters shelters, HouseholdPower power, PlanStatusLinks loans,
                 Devices devices, CareCoordinators coordinators) {
        this.exposures = exposures;
        this.shelters = shelters;
        this.power = power;
        this.loans = loans;
        this.devices = devices;
        this.coordinators = coordinators;
    }

    HomeContext of(Viewer viewer, long householdId, String resource) {
        List<HomeContext.HomeHazard> hazards = new ArrayList<>();
        for (HazardExposure exposure : exposures.forHouseholds(List.of(householdId)).get(householdId)) {
            PlanHazard hazard = PlanHazard.valueOf(exposure.hazardType().name());
            hazards.add(new HomeContext.HomeHazard(hazard, hazard.label(), exposure.status(), exposure.text(),
                    exposure.layerName(), exposure.layerVersionId(), exposure.versionNo()));
        }
        // the plan's read is audited by its caller: one GET, one entry per household
        HouseholdPower.Autonomy autonomy = power.autonomyWithoutAudit(viewer, householdId);
        Device device = loans.runningLoan(householdId).map(loan -> devices.get(loan.deviceId())).orElse(null);
        CareCoordinator coordinator = coordinators.forHousehold(householdId).orElse(null);
        return new HomeContext(hazards, HazardExposure.NOTICE, shelterChoices(householdId, hazards),
                autonomy.autonomy().unknown() ? null : autonomy.autonomy().totalHours(),
                autonomy.flags().stream().map(flag -> flag.label()).toList(),
                device == null ? null : device.manufacturer() + " " + device.model() + "（定格出力 " + device.ratedOutputWatts()
                        + "W・タンク " + device.tankLitres() + "L・1タンク " + device.runtimeHoursPerTank() + "時間）",
                autonomy.generator() == null ? null : autonomy.generator().fuelStoredLitres(),
                coordinator == null ? null : coordinator.name() + (coordinator.phone() == null ? "" : "（" + coordinator.phone() + "）"));
    }

    /** For each mapped hazard, the nearest shelters flagged when they lie in its zone; for a home in the zone, those outside too. */
    private List<HomeContext.ShelterChoice> shelterChoices(long householdId, List<HomeContext.HomeHazard> hazards) {
        List<NearestShelters.NearbyShelter> nearest = shelters.nearHousehold(householdId,
                new NearestShelters.Search(SHELTER_CHOICES, false, null, null));
        List<HomeContext.ShelterChoice> choices = new ArrayList<>();
        for (HomeContext.HomeHazard home : hazards) {
            List<NearestShelters.NearbyShelter> candidates = new ArrayList<>();
            if (home.exposed()) {
                candidates.addAll(shelters.nearHousehold(householdId,
                        new NearestShelters.Search(SHELTER_CHOICES, false, home.hazard().zoneType(), 1)));
            }
            nearest.stream().filter(shelter -> candidates.stream().noneMatch(c -> c.id() == shelter.id()))
                    .forEach(candidates::add);
            for (NearestShelters.NearbyShelter shelter : candidates) {
                boolean inZone = shelter.hazards().stream().anyMatch(h -> h.hazardType() == home.hazard().zoneType());
                choices.add(new HomeContext.ShelterChoice(home.hazard(), shelter.id(), shelter.name(),
                        shelter.categoryLabel(), shelter.welfareCandidate(), shelter.distanceM(), inZone));
            }
        }
        return choices;
    }
}
