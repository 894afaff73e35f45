package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.inochi.access.AccessScope;
import jp.inochi.access.Viewer;
import jp.inochi.atrisk.AtRiskList;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.disasters.model.PowerAutonomy;
import jp.inochi.disasters.model.SafetyStatus;
import jp.inochi.platform.database.ReadsAside;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.web.Pager;

/**
 * The call sheet on screen: the call list (or the unreached list) narrowed by the coordinator's filters, 50 rows a
 * page, each row keeping its rank in the whole call order. Only the rows of the page shown are audited as read.
 */
@Singleton
public class CallSheets {
    private final DisasterEvents events;
    private final EventStandings standings;
    private final EventHouseholds households;
    private final EventLists lists;
    private final TransactionOperations<Connection> transactions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ReadsAside aside;

    CallSheets(DisasterEvents events, EventStandings standings, EventHouseholds households, EventLists lists,
               TransactionOperations<Connection> transactions, AuditLog auditLog, Clock clock, ReadsAside aside) {
        this.events = events;
        this.standings = standings;
        this.households = households;
        this.lists = lists;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.aside = aside;
    }

    /** One row as the sheet shows it: the household, when its power runs out, and the latest call's result. */
    public record Line(EventViews.Row h, boolean anyPhone, boolean noPowerInformation, @Nullable String runsOutAt,
                       @Nullable String runsOutLabel,
                @Nullable String latestResult) {
    }

    public record Option(String value, String label) {
    }

    /** A page of the sheet, with the choices of its filters. */
    public record Sheet(EventViews.Event event, boolean unreached, String generatedAtLabel, int count, Pager pager,
                 List<Line> lines, List<Option> municipalities, List<Option> replies, CallSheetFilter filter,
                 List<AtRiskList.Credit> credits) {
    }

    /** The row of one household after a call, and how many rows the list now has; empty when it left the list. */
    public record RowAfter(Optional<Line> line, int count) {
    }

    Sheet page(Viewer viewer, long eventId, boolean unreached, CallSheetFilter filter, String resource) {
        DisasterEvent event = events.get(viewer, eventId);
        Instant now = clock.instant();
        // the order and the filters need only where each household stands; the full rows are read for the page shown
        AccessScope scope = viewer.scope(clock);
        // the standings are the page's longest read; the small reads of names and credits go on meanwhile
        ReadsAside.Pending<List<EventStandings.Standing>> ordered = aside.start(() -> standings.inCallOrder(event, scope));
        Map<String, String> names = lists.names();
        List<AtRiskList.Credit> credits = transactions.executeRead(status -> AtRiskList.credits(status.getConnection()));
        List<EventStandings.Standing> all = ordered.get();
        Map<String, String> seen = new LinkedHashMap<>();
        List<Ranked> listed = new ArrayList<>();
        int rank = 0;
        for (EventStandings.Standing row : all) {
            rank++;
            if (unreached && row.status() != SafetyStatus.UNREACHED) {
                continue;
            }
            if (row.municipalityCode() != null) {
                seen.putIfAbsent(row.municipalityCode(), names.getOrDefault(row.municipalityCode(), row.municipalityCode()));
            }
            if (filter.matches(row, unreached)) {
                listed.add(new Ranked(rank, row.id()));
            }
        }
        String path = EventScreens.LIST + "/" + eventId + (unreached ? "/unreached" : "/call-list");
        Pager pager = Pager.of(path, filter.kept(), filter.page(), listed.size());
        List<Ranked> shown = pager.slice(listed);
        Map<Long, EventHouseholds.Row> rows = byId(households.rowsOf(event, scope, shown.stream().map(Ranked::id).toList()));
        List<Line> lines = new ArrayList<>(shown.size());
        for (Ranked ranked : shown) {
            EventHouseholds.Row row = rows.get(ranked.id());
            if (row != null) {
                lines.add(line(EventLists.row(row, ranked.rank(), names, households.shelterReach()), now));
            }
        }
        auditLog.householdsRead(viewer, resource, lines.stream()
                .map(line -> new HouseholdAccess(line.h().householdId(), line.h().basis())).toList());
        return new Sheet(lists.event(viewer, event, all.size(), names), unreached, EventViews.label(now), listed.size(), pager, lines,
                seen.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Option(e.getKey(), e.getValue())).toList(),
                replies(unreached), filter, credits);
    }

    /** The household's row as the list now shows it (audited as read), for replacing the row in place. */
    RowAfter rowAfter(Viewer viewer, long eventId, long householdId, boolean unreached, CallSheetFilter filter,
                      String resource) {
        DisasterEvent event = events.get(viewer, eventId);
        AccessScope scope = viewer.scope(clock);
        Line found = null;
        int count = 0;
        int rank = 0;
        for (EventStandings.Standing row : standings.inCallOrder(event, scope)) {
            rank++;
            boolean onList = (!unreached || row.status() == SafetyStatus.UNREACHED) && filter.matches(row, unreached);
            if (onList) {
                count++;
            }
            if (onList && row.id() == householdId) {
                for (EventHouseholds.Row complete : households.rowsOf(event, scope, List.of(householdId))) {
                    found = line(EventLists.row(complete, rank, lists.names(), households.shelterReach()), clock.instant());
                }
            }
        }
        if (found != null) {
            auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, found.h().basis())));
        }
        return new RowAfter(Optional.ofNullable(found), count);
    }

    private record Ranked(int rank, long id) {
    }

    private static Map<Long, EventHouseholds.Row> byId(List<EventHouseholds.Row> rows) {
        Map<Long, EventHouseholds.Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return byId;
    }

    private static Line line(EventViews.Row row, Instant now) {
        boolean unknown = row.power().flags().stream()
                .anyMatch(flag -> flag.code().equals(PowerAutonomy.Flag.NO_POWER_INFORMATION.name()));
        BigDecimal left = row.power().remainingHours();
        Instant runsOut = left == null ? now : now.plusSeconds(left.multiply(BigDecimal.valueOf(3600)).longValue());
        EventViews.Safety safety = row.safety();
        String latest = safety.lastAttemptLabel() == null ? null
                : safety.lastAttemptLabel() + "（" + shortTime(safety.lastAttemptAt()) + "）";
        boolean anyPhone = row.guardians().stream().anyMatch(guardian -> guardian.phone() != null);
        return new Line(row, anyPhone, unknown, EventViews.label(runsOut), shortTime(runsOut), latest);
    }

    /** 12月4日 21:05: short enough for a cell; the full 和暦・西暦 label is in the cell's title. */
    static String shortTime(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, JapanTime.ZONE);
        return String.format("%d月%d日 %02d:%02d", local.getMonthValue(), local.getDayOfMonth(), local.getHour(),
                local.getMinute());
    }

    private static List<Option> replies(boolean unreached) {
        List<Option> options = new ArrayList<>();
        if (unreached) {
            for (SafetyStatus.Email email : SafetyStatus.Email.values()) {
                options.add(new Option(email.name(), EventLists.emailLabel(email)));
            }
        } else {
            for (SafetyStatus status : SafetyStatus.values()) {
                options.add(new Option(status.name(), status.label()));
            }
        }
        return options;
    }
}
