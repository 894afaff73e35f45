package jp.inochi.consultations;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Viewer;
import jp.inochi.consultations.model.ConsultationChannel;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.platform.time.JapanTime;

/** Two consultations: one before any household (a hospital's call), one linked to the first demo household. */
@Singleton
final class DemoConsultations implements DemoDataSet {
    private final Consultations consultations;
    private final ConsultationRepository repository;
    private final AppUserRepository users;
    private final Clock clock;

    DemoConsultations(Consultations consultations, ConsultationRepository repository, AppUserRepository users, Clock clock) {
        this.consultations = consultations;
        this.repository = repository;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "consultations";
    }

    /** After the households and their applications and loans (40). */
    @Override
    public int order() {
        return 60;
    }

    @Override
    public String load(Path demoDirectory) {
        Viewer staff = users.findByUsername("staff")
                .map(u -> new Viewer(u.id(), u.username(), u.displayName(), u.role(), null, null, "127.0.0.1"))
                .orElseThrow(() -> new IllegalStateException("The demo consultations need the demo user staff"));
        LocalDate today = JapanTime.today(clock);
        LocalDate first = ConsultationRulesDemoDates.onOrAfterOpening(today.minusDays(20));
        consultations.record(staff, new ConsultationDetails(first, ConsultationChannel.PHONE, "医療ソーシャルワーカー 田中（デモ）",
                "NICUの医療ソーシャルワーカー", "096-000-0000", "熊本 そら（デモ）", "くまもと そら",
                "退院前に事業を使えるか、申請の手順を知りたい", "事業の案内と申請書を郵送", today.plusDays(14),
                "退院日が決まったら再度連絡", null));
        Consultation visit = consultations.record(staff, new ConsultationDetails(ConsultationRulesDemoDates
                .onOrAfterOpening(today.minusDays(5)), ConsultationChannel.VISIT_CENTER, "保護者（デモ）", "母", null,
                "デモ 世帯の子", null, "発電機の使い方と燃料の保管について", "取扱説明書で説明", null, null, null));
        repository.findFirstHouseholdId().ifPresent(household -> consultations.link(staff, visit.id(), household, null));
        return "2 consultations";
    }
}
