package jp.inochi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples {@code pg_stat_activity} and {@code pg_locks} every ~100 ms from its own connection and, for the sessions
 * named by {@code application_name}, counts what each sample found them doing: the statement (its first words), the
 * wait event (or "CPU" when running), and for a lock wait what it waited for and which session held it.
 */
final class ActivitySampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 100;
    private static final String ACTIVITY = """
            SELECT a.application_name, a.state, coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU'),
                   regexp_replace(left(a.query, 200), '\\s+', ' ', 'g'),
                   round(extract(epoch FROM clock_timestamp() - a.xact_start)::numeric, 1),
                   (SELECT string_agg(coalesce(nullif(b.application_name, ''), 'service pool') || ' [' || b.state || ', xact '
                        || round(extract(epoch FROM clock_timestamp() - b.xact_start)::numeric, 1) || ' s: '
                        || left(regexp_replace(b.query, '\\s+', ' ', 'g'), 50) || ']', '; ')
                    FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(a.pid))),
                   (SELECT string_agg(l.locktype || ' ' || l.mode || coalesce(' on ' || l.relation::regclass::text, ''), '; ')
                    FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted)
            FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
              AND a.state <> 'idle'""";

    private final Connection connection;
    private final List<String> watched;
    private final Thread thread;
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<Integer, Integer> activeBackends = new TreeMap<>();
    private volatile boolean running = true;
    private int samples;

    ActivitySampler(HazardBench bench, List<String> watched) throws SQLException {
        this.connection = bench.connect();
        this.watched = watched;
        watched.forEach(name -> counts.put(name, new TreeMap<>()));
        thread = new Thread(this::sampleUntilClosed, "activity-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleUntilClosed() {
        try (PreparedStatement statement = connection.prepareStatement(ACTIVITY)) {
            while (running) {
                long started = System.nanoTime();
                sample(statement);
                long slept = PERIOD_MILLIS - (System.nanoTime() - started) / 1_000_000;
                if (slept > 0) {
                    Thread.sleep(slept);
                }
            }
        } catch (SQLException | InterruptedException e) {
            System.err.println("bench: sampler stopped: " + e);
        }
    }

    private synchronized void sample(PreparedStatement statement) throws SQLException {
        int active = 0;
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                active++;
                String session = row.getString(1);
                Map<String, Integer> seen = counts.get(session);
                if (seen == null) {
                    continue;
                }
                String what = statementKind(row.getString(4)) + " | " + ("idle in transaction".equals(row.getString(2))
                        ? "idle in transaction" : row.getString(3));
                if (row.getString(6) != null) {
                    what += " | waits for " + row.getString(7) + " held by " + row.getString(6);
                }
                seen.merge(what, 1, Integer::sum);
            }
        }
        samples++;
        activeBackends.merge(active, 1, Integer::sum);
    }

    /** The statement's kind in a few words: enough to tell the import's phases apart. */
    static String statementKind(String query) {
        String q = query == null ? "" : query.strip();
        if (q.startsWith("WITH layers AS")) {
            return "exposure recompute (upsert)";
        }
        if (q.startsWith("WITH zones AS")) {
            return "publish zones and parts";
        }
        return q.length() > 70 ? q.substring(0, 70) + "…" : q;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        thread.join(5_000);
        connection.close();
    }

    /** The counts, one line per (session, statement, wait), most frequent first, and how busy the database was. */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(samples + " samples every " + PERIOD_MILLIS + " ms; active client sessions per sample (count: samples): "
                + activeBackends);
        counts.forEach((session, seen) -> seen.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> lines.add("  " + session + ": " + entry.getValue() + " × " + entry.getKey())));
        return lines;
    }

    /** Samples of the session in which it ran the statement kind, and of those, waiting on a lock. */
    synchronized int[] samplesOf(String session, String kind) {
        int all = 0;
        int locked = 0;
        for (Map.Entry<String, Integer> entry : counts.getOrDefault(session, Map.of()).entrySet()) {
            if (entry.getKey().startsWith(kind)) {
                all += entry.getValue();
                locked += entry.getKey().contains("| Lock:") ? entry.getValue() : 0;
            }
        }
        return new int[] {all, locked};
    }
}
