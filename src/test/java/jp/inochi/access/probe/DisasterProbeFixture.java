package jp.inochi.access.probe;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import jp.inochi.access.AppUser;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.disasters.CareCoordinator;
import jp.inochi.disasters.CareCoordinators;
import jp.inochi.disasters.DeclaringEvents;
import jp.inochi.disasters.DisasterEvent;
import jp.inochi.disasters.EventAreas;
import jp.inochi.disasters.HouseholdPower;
import jp.inochi.disasters.SafetyCheckPreview;
import jp.inochi.disasters.SafetyChecks;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventType;
import jp.inochi.disasters.model.PowerSourceKind;
import jp.inochi.disasters.model.Reply;
import jp.inochi.testsupport.ProbeFixture;

/**
 * A disaster event over 熊本市 and 八代市 with its safety check started, contacts recorded, a coordinator and other
 * power sources for 熊本市 families: the probe then reads the event's lists as the officer of 八代市, who may see the
 * event and must see none of 熊本市's families in it.
 */
@Singleton
class DisasterProbeFixture implements ProbeFixture {

    @Override
    public void addRowsFor(ApplicationContext service, List<Long> householdIds) throws Exception {
        Viewer staff = viewer(service, Role.CENTER_STAFF);
        DisasterEvent event = service.getBean(DeclaringEvents.class).declare(staff, new DeclaringEvents.Declaration(
                "漏洩検査 台風", EventType.TYPHOON, null, null, null, "漏洩検査のための災害対応",
                new EventAreas.AreaRequest(AreaKind.MUNICIPALITIES, List.of("43100", "43202"), null, null, null, null,
                        null, null), null), "probe fixture");
        SafetyChecks safetyChecks = service.getBean(SafetyChecks.class);
        String confirmation = service.getBean(SafetyCheckPreview.class)
                .preview(staff, event, Duration.ofMinutes(15), "漏洩検査", "probe fixture").confirmation();
        safetyChecks.start(staff, event, Duration.ofMinutes(15), "漏洩検査", confirmation, "probe fixture");
        for (Long household : householdIds.subList(0, Math.min(3, householdIds.size()))) {
            safetyChecks.recordContact(staff, event, household, new SafetyChecks.NewContact(ContactMethod.PHONE,
                    ContactOutcome.REACHED, Reply.NEEDS_POWER, "漏洩検査の電話", null), "probe fixture");
        }
        CareCoordinators coordinators = service.getBean(CareCoordinators.class);
        CareCoordinator coordinator = coordinators.create(staff, new CareCoordinators.Details("43100", "漏洩検査 調整員",
                "熊本市 保健所", "096-000-0000", "probe-coordinator@example.invalid", true, true), "probe fixture");
        coordinators.assign(staff, householdIds.get(0), coordinator.id(), "probe fixture");
        service.getBean(HouseholdPower.class).replace(staff, householdIds.get(0), List.of(new HouseholdPower.NewSource(
                PowerSourceKind.VEHICLE, "漏洩検査の車", new BigDecimal("8"))), "probe fixture");
    }

    private static Viewer viewer(ApplicationContext service, Role role) {
        AppUser user = service.getBean(AppUserRepository.class).findAll().stream()
                .filter(found -> found.role() == role && found.enabled()).findFirst().orElseThrow();
        return new Viewer(user.id(), user.username(), user.displayName(), user.role(), null, null, "127.0.0.1");
    }
}
