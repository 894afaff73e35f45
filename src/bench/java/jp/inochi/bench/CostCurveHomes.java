package jp.inochi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import jp.inochi.testsupport.GeoData;

/**
 * The cost curve's homes: the bench's synthetic homes grown to a given count in SQL (generate_series, so a million
 * take a minute, not an hour of JDBC batches), at the 町字 points jittered by a Gaussian ~300 m as
 * {@link HazardBench#placeHomes} does, seeded so every run places the same homes. Each new home also gets what the
 * call sheet reads (a guardian, batteries), as {@link DisasterDayBenchmark#prepareHomes} gives the first 20,000.
 */
final class CostCurveHomes {
    private static final String BENCH_FAMILY = "ベンチ";

    private CostCurveHomes() {
    }

    /** The bench's homes now (placed by this class or by HazardBench). */
    static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM household WHERE child_family_name = '" + BENCH_FAMILY + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Adds homes until the bench has {@code target}; returns how many were added. */
    static long growTo(HazardBench bench, long target) throws Exception {
        try (Connection connection = bench.connect(); Statement statement = connection.createStatement()) {
            long have = count(connection);
            if (have >= target) {
                return 0;
            }
            connection.setAutoCommit(false);
            loadPoints(connection);
            // seeded by where the series starts, so growing 20k → 200k → 1M gives the same homes as one go would
            statement.execute("SELECT setseed(" + (have % 1_000_000) / 1_000_000.0 + ")");
            try (PreparedStatement homes = connection.prepareStatement("""
                    INSERT INTO household (child_family_name, child_given_name, child_family_name_kana, child_given_name_kana,
                        child_birth_date, nicu_institution, nicu_in_kumamoto, ventilator_dependent, address, prefecture_code,
                        municipality_code, ward_code, longitude, latitude, shares_with_municipality,
                        ventilator_hours_per_day, ventilator_off_minutes_per_day, ventilator_battery_hours,
                        spare_battery_count, spare_battery_hours_each, email_contact_consent, created_at, updated_at)
                    SELECT 'ベンチ', '世帯' || i, 'ベンチ', 'イチ', DATE '2025-01-01', '熊本大学病院', true, i % 3 <> 0,
                           p.address, '43', p.municipality, p.ward,
                           p.lon + 0.003 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()),
                           p.lat + 0.003 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()), true,
                           CASE WHEN i % 3 <> 0 THEN 24 - (i % 4) END, CASE WHEN i % 3 <> 0 THEN 10 END, 2 + i % 9,
                           i % 4, 2.5 + i % 5, true, now(), now()
                    FROM generate_series(?::bigint, ?::bigint) i
                    JOIN bench_point p ON p.idx = i % (SELECT count(*) FROM bench_point)
                    ORDER BY i""")) {
                homes.setLong(1, have);
                homes.setLong(2, target - 1);
                homes.executeUpdate();
            }
            statement.executeUpdate("""
                    INSERT INTO guardian (household_id, position, name, name_kana, relationship, email, phone)
                    SELECT id, 1, 'ベンチ 保護者' || id, 'ベンチ ホゴシャ', '母', 'bench-' || id || '@example.invalid',
                           '090-' || lpad((id % 10000)::text, 4, '0') || '-' || lpad((id % 7919)::text, 4, '0')
                    FROM household h WHERE child_family_name = 'ベンチ'
                      AND NOT EXISTS (SELECT 1 FROM guardian g WHERE g.household_id = h.id)""");
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("VACUUM ANALYZE household");
            statement.execute("VACUUM ANALYZE guardian");
            return target - have;
        }
    }

    /** The 2,492 町字 points in a temporary table, numbered in the file's order. */
    private static void loadPoints(Connection connection) throws Exception {
        JsonNode points = new ObjectMapper().readTree(GeoData.file(GeoData.MACHIAZA_POINTS).toFile()).get("features");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE bench_point (idx int PRIMARY KEY, lon float8, lat float8, municipality text, "
                    + "ward text, address text) ON COMMIT DROP");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_point VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < points.size(); i++) {
                JsonNode point = points.get(i);
                String municipality = point.at("/properties/muni_code5").asText();
                String ward = point.at("/properties/ward_code5").asText();
                insert.setInt(1, i);
                insert.setDouble(2, point.at("/geometry/coordinates/0").asDouble());
                insert.setDouble(3, point.at("/geometry/coordinates/1").asDouble());
                insert.setString(4, municipality);
                insert.setString(5, municipality.equals("43100") && !ward.equals(municipality) ? ward : null);
                insert.setString(6, "熊本県" + point.at("/properties/city").asText() + point.at("/properties/town").asText() + "（ベンチ）");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
