package jp.inochi.access.probe;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import jp.inochi.access.AppUser;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.consultations.Consultation;
import jp.inochi.consultations.ConsultationDetails;
import jp.inochi.consultations.Consultations;
import jp.inochi.consultations.model.ConsultationChannel;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.testsupport.ProbeFixture;

/** The demo consultations belong to no 熊本市 family: records one linked to theirs, so the probe tries its endpoints. */
@Singleton
class ConsultationProbeFixture implements ProbeFixture {

    @Override
    public void addRowsFor(ApplicationContext service, List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        AppUser staff = service.getBean(AppUserRepository.class).findAll().stream()
                .filter(user -> user.role() == Role.CENTER_STAFF && user.enabled()).findFirst().orElseThrow();
        Viewer viewer = new Viewer(staff.id(), staff.username(), staff.displayName(), staff.role(), null, null, "127.0.0.1");
        Consultations consultations = service.getBean(Consultations.class);
        Consultation recorded = consultations.record(viewer, new ConsultationDetails(
                JapanTime.today(service.getBean(Clock.class)), ConsultationChannel.PHONE, "漏洩検査の相談者", "母", null,
                "漏洩検査 こども", null, "漏洩検査の相談", null, null, null, null));
        consultations.link(viewer, recorded.id(), householdIds.get(0), null);
    }
}
