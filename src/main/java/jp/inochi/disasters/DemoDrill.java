package jp.inochi.disasters;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.access.AppUserRepository;
import jp.inochi.access.Viewer;
import jp.inochi.demo.DemoDataSet;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.disasters.model.ContactMethod;
import jp.inochi.disasters.model.ContactOutcome;
import jp.inochi.disasters.model.EventType;
import jp.inochi.disasters.model.Reply;

/**
 * A past drill: a power cut over 人吉市 declared three hours before the demo is loaded, its safety check started,
 * families' answers taken by phone, and closed; so the event pages, their lists and timeline show a finished event.
 */
@Singleton
final class DemoDrill implements DemoDataSet {
    private static final String RESOURCE = "demo data";
    private static final String HITOYOSHI = "43203";
    private static final List<Reply> ANSWERS = List.of(Reply.SAFE_AT_HOME, Reply.NEEDS_POWER, Reply.EVACUATED);

    private final DeclaringEvents declaring;
    private final SafetyChecks safetyChecks;
    private final SafetyCheckPreview previews;
    private final ClosingEvents closing;
    private final AppUserRepository users;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DemoDrill(DeclaringEvents declaring, SafetyChecks safetyChecks, SafetyCheckPreview previews, ClosingEvents closing,
              AppUserRepository users, TransactionOperations<Connection> transactions, Clock clock) {
        this.declaring = declaring;
        this.previews = previews;
        this.safetyChecks = safetyChecks;
        this.closing = closing;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "drill";
    }

    /** After the households and their loans (40). */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public String load(Path demoDirectory) {
        Viewer staff = users.findByUsername("staff")
                .map(u -> new Viewer(u.id(), u.username(), u.displayName(), u.role(), null, null, "127.0.0.1"))
                .orElseThrow(() -> new IllegalStateException("The demo drill needs the demo user staff"));
        Instant started = clock.instant().minus(Duration.ofHours(3));
        DisasterEvent event = declaring.declare(staff, new DeclaringEvents.Declaration("停電訓練（デモ）", EventType.POWER_OUTAGE,
                started, started, started.plus(Duration.ofHours(2)), "年1回の安否確認訓練（架空）",
                new EventAreas.AreaRequest(AreaKind.MUNICIPALITIES, List.of(HITOYOSHI), null, null, null, null, null, null),
                null), RESOURCE);
        String note = "訓練です。ご家族の状況を選んでください（デモ）";
        // as on the page: the staff member sees the email and the counts first
        String confirmation = previews.preview(staff, event, Duration.ofMinutes(60), note, RESOURCE).confirmation();
        safetyChecks.start(staff, event, Duration.ofMinutes(60), note, confirmation, RESOURCE);
        List<Long> households = households(event.id());
        int answered = 0;
        for (int i = 0; i < households.size(); i++) {
            boolean reached = i < ANSWERS.size();
            safetyChecks.recordContact(staff, event, households.get(i), new SafetyChecks.NewContact(ContactMethod.PHONE,
                    reached ? ContactOutcome.REACHED : ContactOutcome.NO_ANSWER, reached ? ANSWERS.get(i) : null,
                    reached ? "訓練の電話で確認（デモ）" : "訓練の電話に応答なし（デモ）", started.plus(Duration.ofMinutes(30L + 10L * i))),
                    RESOURCE);
            answered += reached ? 1 : 0;
        }
        closing.close(staff, event.id(), "訓練終了（デモ）", null, RESOURCE);
        return "1 past drill over " + households.size() + " households, " + answered + " answered";
    }

    /** The first four households of the drill, by id: three answer, one does not pick up. */
    private List<Long> households(long eventId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT household_id FROM disaster_event_household WHERE event_id = ? ORDER BY household_id LIMIT 4")) {
                query.setLong(1, eventId);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the drill's households", e);
            }
        });
    }
}
