package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.inochi.access.Role;
import jp.inochi.disasters.model.ShelterReach;
import jp.inochi.layers.ImportProgress;
import jp.inochi.layers.ImportRequest;
import jp.inochi.layers.LayerImporter;
import jp.inochi.layers.LayerKind;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * The shelters within reach of many homes found by one statement ({@link SheltersInReach}) are the ones a plain search
 * around each home finds: every safe shelter within the radius on the ellipsoid, nearest first, ties by id; on the real
 * GSI shelters, imported twice so that some shelters stand at exactly the same distance.
 */
@MicronautTest(transactional = false)
class SheltersForAllHomesAtOnceTest {
    /** Each home on its own: the event's safe shelters within the radius, measured one by one. */
    private static final String AROUND_ONE_HOME = """
            SELECT s.id, s.name, s.address, s.municipality_code, s.welfare_candidate,
                   ST_Distance(s.geom::geography, h.location::geography) AS metres
            FROM household h, shelter s JOIN disaster_event_safe_shelter safe ON safe.shelter_id = s.id AND safe.event_id = ?
            WHERE h.id = ? AND ST_DWithin(s.geom::geography, h.location::geography, ?)
            ORDER BY metres, s.id LIMIT ?""";

    @Inject
    TestHouseholds households;
    @Inject
    LayerImporter importer;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void oneStatementForAllHomesListsTheSameSheltersAsASearchAroundEachHome() throws Exception {
        for (int copy = 1; copy <= 2; copy++) {
            importer.importFiles(ImportRequest.of(LayerKind.SHELTER, "一括検索 指定避難所 " + copy + " " + System.nanoTime(),
                            "国土地理院「指定緊急避難場所・指定避難所データ」", null, "出典：国土地理院「指定緊急避難場所・指定避難所データ」"),
                    List.of(new InputFile(GeoData.file(GeoData.SHELTERS_EVACUATION), GeoData.SHELTERS_EVACUATION)),
                    ImportProgress.NONE);
        }
        List<Long> homes = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 80; i++) {
            homes.add(households.living("43203", true, 130.1 + random.nextDouble() * 1.2, 32.1 + random.nextDouble()).id());
        }
        double[] atAShelter = shelterPoint();
        homes.add(households.living("43203", true, atAShelter[0], atAShelter[1]).id());
        homes.add(households.living("43203", true, 129.5, 32.0).id());
        homes.add(households.living("43203", true).id());
        long eventId = declareAround(homes.get(0));

        int full = 0;
        int fewer = 0;
        int none = 0;
        int tied = 0;
        try (Connection connection = Sql.connect()) {
            for (int km : new int[] {10, 2, 1}) {
                ShelterReach reach = new ShelterReach(km);
                Map<Long, List<EventHouseholds.Shelter>> found = SheltersInReach.of(connection, eventId, homes, reach);
                for (long home : homes) {
                    List<EventHouseholds.Shelter> expected = aroundOneHome(connection, eventId, home, reach);
                    assertEquals(expected, found.getOrDefault(home, List.of()), "home " + home + " within " + km + " km");
                    full += expected.size() == ShelterReach.CANDIDATES ? 1 : 0;
                    fewer += expected.size() > 0 && expected.size() < ShelterReach.CANDIDATES ? 1 : 0;
                    none += expected.isEmpty() ? 1 : 0;
                    tied += expected.size() > 1 && expected.get(0).distanceM() == expected.get(1).distanceM() ? 1 : 0;
                }
            }
        }
        assertTrue(full > 0 && fewer > 0 && none > 0 && tied > 0,
                "the fixture has homes with three, fewer and no shelters, and shelters at the same distance: "
                        + full + " " + fewer + " " + none + " " + tied);
    }

    private static List<EventHouseholds.Shelter> aroundOneHome(Connection connection, long eventId, long home,
                                                               ShelterReach reach) throws Exception {
        List<EventHouseholds.Shelter> shelters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(AROUND_ONE_HOME)) {
            select.setLong(1, eventId);
            select.setLong(2, home);
            select.setDouble(3, reach.radiusMetres());
            select.setInt(4, ShelterReach.CANDIDATES);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    shelters.add(new EventHouseholds.Shelter(row.getLong(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getBoolean(5), Math.round(row.getDouble(6))));
                }
            }
        }
        return shelters;
    }

    /** Where the first designated shelter of the GSI file stands: a home there is 0 m from it. */
    private static double[] shelterPoint() throws Exception {
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT ST_X(geom), ST_Y(geom) FROM shelter WHERE category = 'EVACUATION_SHELTER' ORDER BY id LIMIT 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new double[] {row.getDouble(1), row.getDouble(2)};
        }
    }

    /** A typhoon over a small square around one home: its safe shelters are computed as it is declared. */
    private long declareAround(long home) throws Exception {
        double[] at = new double[2];
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT ST_X(location), ST_Y(location) FROM household WHERE id = ?")) {
            select.setLong(1, home);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                at[0] = row.getDouble(1);
                at[1] = row.getDouble(2);
            }
        }
        double w = at[0] - 0.001;
        double s = at[1] - 0.001;
        double e = at[0] + 0.001;
        double n = at[1] + 0.001;
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[" + w + "," + s + "],[" + e + "," + s + "],[" + e + ","
                + n + "],[" + w + "," + n + "],[" + w + "," + s + "]]]}";
        clock.set(Instant.now());
        Map<String, Object> event = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/disaster-events", Map.of("name", "一括検索 " + System.nanoTime(), "eventType", "TYPHOON",
                        "area", Map.of("kind", "POLYGON", "geoJson", square)))), Argument.mapOf(String.class, Object.class));
        return ((Number) event.get("id")).longValue();
    }
}
