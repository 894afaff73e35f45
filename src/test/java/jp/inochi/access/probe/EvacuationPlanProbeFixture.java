package jp.inochi.access.probe;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.access.AppUser;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.evacuationplans.EvacuationPlans;
import jp.inochi.evacuationplans.PlanDocument;
import jp.inochi.evacuationplans.PlanSaving;
import jp.inochi.testsupport.ProbeFixture;

/**
 * The demo data has no saved 個別避難計画: saves the prefilled draft of a 熊本市 family as a version, so the probe's
 * plan routes (JSON, versions, PDF, the family link) reach a real plan of another municipality.
 */
@Singleton
class EvacuationPlanProbeFixture implements ProbeFixture {

    @Override
    public void addRowsFor(ApplicationContext service, List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        AppUser staff = service.getBean(AppUserRepository.class).findAll().stream()
                .filter(user -> user.role() == Role.CENTER_STAFF && user.enabled()).findFirst().orElseThrow();
        Viewer viewer = new Viewer(staff.id(), staff.username(), staff.displayName(), staff.role(), null, null, "127.0.0.1");
        long household = householdIds.get(0);
        String resource = "probe fixture";
        PlanDocument draft = service.getBean(EvacuationPlans.class).load(viewer, household, resource);
        service.getBean(PlanSaving.class).save(viewer, household, draft.version(),
                new PlanSaving.SaveCommand(draft.plan(), draft.prefilled(), false), resource);
    }
}
