package jp.inochi.trainings;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Viewer;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.platform.time.JapanTime;

/**
 * Two sessions: one in a month, with the first few eligible families invited (through the preview and its
 * confirmation, as staff do), and one today, whose attendance can be recorded.
 */
@Singleton
final class DemoTrainings implements DemoDataSet {
    private static final int DEMO_INVITED = 3;

    private final TrainingSessions sessions;
    private final TrainingFamilies families;
    private final TrainingInvitations invitations;
    private final AppUserRepository users;
    private final Clock clock;

    DemoTrainings(TrainingSessions sessions, TrainingFamilies families, TrainingInvitations invitations,
                  AppUserRepository users, Clock clock) {
        this.sessions = sessions;
        this.families = families;
        this.invitations = invitations;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "trainings";
    }

    /** After the households and their applications and loans (40). */
    @Override
    public int order() {
        return 62;
    }

    @Override
    public String load(Path demoDirectory) {
        Viewer staff = users.findByUsername("staff")
                .map(u -> new Viewer(u.id(), u.username(), u.displayName(), u.role(), null, null, "127.0.0.1"))
                .orElseThrow(() -> new IllegalStateException("The demo training sessions need the demo user staff"));
        LocalDate today = JapanTime.today(clock);
        TrainingSession next = sessions.plan(staff, new SessionDetails(today.plusMonths(1), LocalTime.of(13, 30),
                LocalTime.of(15, 30), "熊本大学病院 研修室（デモ）", "個別避難計画の作り方と発電機の試運転（デモ）", 20, null));
        sessions.plan(staff, new SessionDetails(today, LocalTime.of(10, 0), LocalTime.of(12, 0), "オンライン（デモ）",
                "個別避難計画の作り方（デモ）", 10, null));
        List<Long> chosen = families.candidates(staff, next.id(), "demo").stream().limit(DEMO_INVITED)
                .map(TrainingFamilies.Family::householdId).toList();
        if (chosen.isEmpty()) {
            return "2 training sessions";
        }
        TrainingInvitations.Preview preview = invitations.preview(staff, next.id(), chosen, "demo");
        invitations.invite(staff, next.id(), chosen, preview.confirmation(), "demo");
        return "2 training sessions, " + chosen.size() + " families invited";
    }
}
