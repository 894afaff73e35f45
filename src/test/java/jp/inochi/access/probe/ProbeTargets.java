package jp.inochi.access.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The data of another municipality that the probe tries to reach: the households of one municipality, the
 * personal strings that identify them (and nobody else), and, for any table of the schema, the rows that belong to
 * them. Tables are found from the database's own catalog, so tables added later (loans, plans, exposure...) are
 * covered without changing the probe: a table whose foreign keys lead to {@code household} is "linked".
 */
final class ProbeTargets {
    private static final int MAX_VALUES = 6;
    private static final int MIN_SECRET_LENGTH = 4;
    /** Path words that don't name their table. */
    static final Map<String, String> TABLE_ALIASES = Map.of("users", "app_user", "user", "app_user",
            "sessions", "user_session", "outbox", "outbox_message", "family-reports", "family_report",
            "trainings", "training_session");

    /** A link token the probe can make up: only a family's email holds a real one, which is the family's capability. */
    static final String FORGED_LINK_TOKEN = "MS5wbGFuLWFwcGxpZWQuMS4xOTk5OTk5OTk5.forged-signature";

    private final Callable<Connection> database;
    final String municipality;
    final String ward;
    final List<Long> householdIds;
    /** Distinctive personal strings of the target households, each with what it is (never printed itself). */
    final Map<String, String> secrets;
    final List<long[]> tiles;
    private final Set<String> tables;
    private final Map<String, List<ForeignKey>> foreignKeys;

    record ForeignKey(String child, String childColumn, String parent, String parentColumn) {
    }

    /** How a path or query parameter is filled, and what a 2xx answer means. */
    enum Kind {
        HOUSEHOLD("熊本市の世帯ID", true),
        LINKED("熊本市の世帯に属する行", true),
        MUNICIPALITY("市町村コード", false),
        WARD("区コード", false),
        TILE("熊本市の世帯を含むタイル", false),
        RELATED("世帯に属さない表の行", false),
        NO_DATA("熊本市の世帯に属する行がない", false),
        UNRESOLVED("値を決められない", false);

        final String label;
        /** A 2xx answer for this value is a leak: the record belongs to another municipality. */
        final boolean recordOfTarget;

        Kind(String label, boolean recordOfTarget) {
            this.label = label;
            this.recordOfTarget = recordOfTarget;
        }
    }

    record Resolution(Kind kind, List<String> values, String detail) {
    }

    private ProbeTargets(Callable<Connection> database, String municipality, String ward, List<Long> householdIds,
                         Map<String, String> secrets, List<long[]> tiles, Set<String> tables,
                         Map<String, List<ForeignKey>> foreignKeys) {
        this.database = database;
        this.municipality = municipality;
        this.ward = ward;
        this.householdIds = householdIds;
        this.secrets = secrets;
        this.tiles = tiles;
        this.tables = tables;
        this.foreignKeys = foreignKeys;
    }

    static ProbeTargets of(Callable<Connection> database, String municipality, String ward) throws Exception {
        try (Connection connection = database.call()) {
            List<Long> ids = new ArrayList<>();
            List<long[]> tiles = new ArrayList<>();
            Map<String, String> candidates = new LinkedHashMap<>();
            Set<String> others = new HashSet<>();
            try (var statement = connection.prepareStatement("""
                    SELECT h.id, h.municipality_code = ? AS target, h.child_family_name, h.child_given_name,
                           h.child_family_name_kana, h.child_given_name_kana, h.address, h.postal_code,
                           h.longitude, h.latitude
                      FROM household h ORDER BY h.id DESC""")) {
                statement.setString(1, municipality);
                ResultSet rows = statement.executeQuery();
                while (rows.next()) {
                    long id = rows.getLong(1);
                    boolean target = rows.getBoolean(2);
                    Map<String, String> values = new LinkedHashMap<>();
                    String family = rows.getString(3);
                    String given = rows.getString(4);
                    values.put("child family name", family);
                    values.put("child given name", given);
                    values.put("child name", family + given);
                    values.put("child name (spaced)", family + " " + given);
                    values.put("child name (full-width space)", family + "　" + given);
                    values.put("child family name kana", rows.getString(5));
                    values.put("child given name kana", rows.getString(6));
                    values.put("child name kana", rows.getString(5) + " " + rows.getString(6));
                    values.put("address", rows.getString(7));
                    values.put("longitude", rows.getObject(9) == null ? null : String.valueOf(rows.getDouble(9)));
                    values.put("latitude", rows.getObject(10) == null ? null : String.valueOf(rows.getDouble(10)));
                    if (target) {
                        ids.add(id);
                        values.forEach((what, value) -> candidates.put(value, "household " + id + " " + what));
                        if (rows.getObject(9) != null) {
                            tiles.add(tile(rows.getDouble(9), rows.getDouble(10), 15));
                        }
                    } else {
                        others.addAll(values.values());
                    }
                }
            }
            try (var statement = connection.prepareStatement("""
                    SELECT h.id, h.municipality_code = ? AS target, g.name, g.name_kana, g.email, g.phone
                      FROM guardian g JOIN household h ON h.id = g.household_id ORDER BY g.id""")) {
                statement.setString(1, municipality);
                ResultSet rows = statement.executeQuery();
                while (rows.next()) {
                    long id = rows.getLong(1);
                    List<String> values = List.of(nullToEmpty(rows.getString(3)), nullToEmpty(rows.getString(4)),
                            nullToEmpty(rows.getString(5)), nullToEmpty(rows.getString(6)));
                    List<String> what = List.of("guardian name", "guardian name kana", "guardian email", "guardian phone");
                    for (int i = 0; i < values.size(); i++) {
                        if (rows.getBoolean(2)) {
                            candidates.put(values.get(i), "household " + id + " " + what.get(i));
                        } else {
                            others.add(values.get(i));
                        }
                    }
                }
            }
            Map<String, String> secrets = new LinkedHashMap<>();
            candidates.forEach((value, what) -> {
                if (value != null && value.codePointCount(0, value.length()) >= MIN_SECRET_LENGTH
                        && others.stream().noneMatch(other -> other != null && other.contains(value))) {
                    secrets.put(value, what);
                }
            });
            return new ProbeTargets(database, municipality, ward, ids, secrets, tiles, tables(connection),
                    foreignKeys(connection));
        }
    }

    /** The value(s) to put into a parameter named {@code name}, found after the static path word {@code word}. */
    Resolution resolve(String name, String word) throws Exception {
        String lower = name.toLowerCase(Locale.ROOT);
        String lowerWord = word == null ? "" : word.toLowerCase(Locale.ROOT);
        if (lower.equals("householdid") || lower.equals("household")
                || (lower.equals("id") && (lowerWord.equals("households") || lowerWord.equals("household")))) {
            return new Resolution(Kind.HOUSEHOLD, householdIds.stream().limit(MAX_VALUES).map(String::valueOf).toList(),
                    householdIds.size() + " households of " + municipality);
        }
        if (lower.equals("wardcode") || lower.equals("ward") || (lower.equals("code") && lowerWord.equals("wards"))) {
            return new Resolution(Kind.WARD, List.of(ward), ward);
        }
        if (lower.equals("code") || lower.equals("municipalitycode") || lower.equals("municipality")) {
            return new Resolution(Kind.MUNICIPALITY, List.of(municipality), municipality);
        }
        if (lower.equals("z") || lower.equals("x") || lower.equals("y")) {
            int index = "zxy".indexOf(lower);
            return new Resolution(Kind.TILE, tiles.stream().limit(MAX_VALUES).map(tile -> String.valueOf(tile[index])).toList(),
                    "z/x/y at zoom 15 over " + tiles.size() + " households");
        }
        if (lower.equals("token") && (lowerWord.equals("links") || lowerWord.equals("evacuation-plan")
                || lowerWord.equals("test-runs"))) {
            return new Resolution(Kind.RELATED, List.of(FORGED_LINK_TOKEN),
                    "a made-up link token (a real one is only in the family's email)");
        }
        Optional<String> table = table(name, word);
        if (table.isEmpty()) {
            return new Resolution(Kind.UNRESOLVED, List.of(), "no table named like '" + word + "' or '" + name
                    + "'; add it to ProbeTargets.TABLE_ALIASES (or give the parameter a household name)");
        }
        Optional<List<ForeignKey>> chain = chainToHousehold(table.get());
        if (chain.isPresent()) {
            List<String> rows = linkedRows(table.get(), chain.get());
            return rows.isEmpty()
                    ? new Resolution(Kind.NO_DATA, List.of(), "table " + table.get() + " has no row of a " + municipality
                            + " household: add one to the demo data or in a testsupport.ProbeFixture")
                    : new Resolution(Kind.LINKED, rows, rows.size() + " rows of " + table.get());
        }
        List<String> rows = anyRows(table.get());
        return new Resolution(Kind.RELATED, rows.isEmpty() ? List.of("1") : rows, "rows of " + table.get());
    }

    private Optional<String> table(String name, String word) {
        List<String> candidates = new ArrayList<>();
        if (word != null && !word.isBlank()) {
            String base = word.toLowerCase(Locale.ROOT).replace('-', '_');
            candidates.add(TABLE_ALIASES.getOrDefault(word.toLowerCase(Locale.ROOT), base));
            candidates.add(base);
            candidates.add(singular(base));
        }
        if (name.length() > 2 && name.endsWith("Id")) {
            String base = snake(name.substring(0, name.length() - 2));
            candidates.add(TABLE_ALIASES.getOrDefault(base, base));
            candidates.add(singular(base));
        }
        for (String candidate : candidates) {
            if (tables.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String candidate : candidates) {
            String single = singular(candidate);
            List<String> near = tables.stream()
                    .filter(table -> table.startsWith(single + "_") || table.endsWith("_" + single)).toList();
            if (near.size() == 1) {
                return Optional.of(near.get(0));
            }
        }
        return Optional.empty();
    }

    /** The shortest chain of foreign keys from the table to household (child to parent only). */
    Optional<List<ForeignKey>> chainToHousehold(String table) {
        if (table.equals("household")) {
            return Optional.of(List.of());
        }
        Deque<List<ForeignKey>> queue = new ArrayDeque<>();
        for (ForeignKey key : foreignKeys.getOrDefault(table, List.of())) {
            queue.add(List.of(key));
        }
        Set<String> seen = new HashSet<>(Set.of(table));
        while (!queue.isEmpty()) {
            List<ForeignKey> path = queue.poll();
            ForeignKey last = path.get(path.size() - 1);
            if (last.parent().equals("household")) {
                return Optional.of(path);
            }
            if (path.size() >= 3 || !seen.add(last.parent())) {
                continue;
            }
            for (ForeignKey next : foreignKeys.getOrDefault(last.parent(), List.of())) {
                List<ForeignKey> longer = new ArrayList<>(path);
                longer.add(next);
                queue.add(longer);
            }
        }
        return Optional.empty();
    }

    private List<String> linkedRows(String table, List<ForeignKey> chain) throws Exception {
        String key = primaryKey(table);
        StringBuilder sql = new StringBuilder("SELECT DISTINCT t0.\"" + key + "\" FROM \"" + table + "\" t0");
        for (int i = 0; i < chain.size() - 1; i++) {
            ForeignKey hop = chain.get(i);
            sql.append(" JOIN \"").append(hop.parent()).append("\" t").append(i + 1).append(" ON t").append(i + 1)
                    .append(".\"").append(hop.parentColumn()).append("\" = t").append(i).append(".\"")
                    .append(hop.childColumn()).append('"');
        }
        ForeignKey last = chain.get(chain.size() - 1);
        sql.append(" WHERE t").append(chain.size() - 1).append(".\"").append(last.childColumn())
                .append("\" = ANY (?) ORDER BY 1 LIMIT ").append(MAX_VALUES);
        try (Connection connection = database.call(); var statement = connection.prepareStatement(sql.toString())) {
            statement.setArray(1, connection.createArrayOf("bigint", householdIds.toArray()));
            return strings(statement.executeQuery());
        }
    }

    private List<String> anyRows(String table) throws Exception {
        String key = primaryKey(table);
        try (Connection connection = database.call(); var statement = connection.prepareStatement(
                "SELECT \"" + key + "\" FROM \"" + table + "\" ORDER BY 1 LIMIT 3")) {
            return strings(statement.executeQuery());
        }
    }

    private String primaryKey(String table) throws Exception {
        try (Connection connection = database.call(); var statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = ?::regclass AND i.indisprimary""")) {
            statement.setString(1, "public.\"" + table + "\"");
            List<String> keys = strings(statement.executeQuery());
            return keys.size() == 1 ? keys.get(0) : "id";
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (var rows = connection.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, List<ForeignKey>> foreignKeys(Connection connection) throws SQLException {
        Map<String, List<ForeignKey>> keys = new HashMap<>();
        try (var rows = connection.createStatement().executeQuery("""
                SELECT cl.relname, a.attname, pcl.relname, pa.attname
                  FROM pg_constraint c
                  JOIN pg_class cl ON cl.oid = c.conrelid
                  JOIN pg_class pcl ON pcl.oid = c.confrelid
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                  JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                 WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
                   AND cl.relnamespace = 'public'::regnamespace""")) {
            while (rows.next()) {
                ForeignKey key = new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
                keys.computeIfAbsent(key.child(), ignored -> new ArrayList<>()).add(key);
            }
        }
        return keys;
    }

    private static List<String> strings(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(1));
        }
        return values;
    }

    /** The slippy-map tile (z, x, y) containing a point. */
    static long[] tile(double longitude, double latitude, int zoom) {
        double n = Math.pow(2, zoom);
        long x = (long) Math.floor((longitude + 180) / 360 * n);
        double radians = Math.toRadians(latitude);
        long y = (long) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * n);
        return new long[] {zoom, x, y};
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
