package jp.inochi.disasters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.testsupport.GeoData;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Problems;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/**
 * An event's area as municipalities or wards, as a polygon drawn (GeoJSON, any CRS PostGIS knows) or uploaded (a
 * shapefile with its .prj, through the hazards feature's readers), and what bad areas get: a clear reason, and no
 * event written.
 */
@MicronautTest(transactional = false)
class DisasterEventAreaTest {
    /** A small square over a quiet corner of 人吉市 (north of the 球磨川), in longitude/latitude. */
    private static final double WEST = 130.7700;
    private static final double SOUTH = 32.2300;
    private static final double EAST = 130.7760;
    private static final double NORTH = 32.2350;

    @Inject
    TestHouseholds households;
    @Inject
    HouseholdRepository repository;
    @Inject
    TestLogins logins;
    @Inject
    MovableClock clock;
    @Inject
    @Client("/")
    HttpClient http;

    private static String square(double west, double south, double east, double north, String crs) {
        return "{\"type\":\"Polygon\"," + (crs == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},")
                + "\"coordinates\":[[[" + west + "," + south + "],[" + east + "," + south + "],[" + east + "," + north
                + "],[" + west + "," + north + "],[" + west + "," + south + "]]]}";
    }

    private Map<String, Object> declare(Map<String, Object> area) {
        clock.set(Instant.now());
        return http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events", Map.of(
                "name", "範囲試験 " + System.nanoTime(), "eventType", "POWER_OUTAGE", "area", area))),
                Argument.mapOf(String.class, Object.class));
    }

    private static List<Long> covered(Map<String, Object> event) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT household_id FROM disaster_event_household WHERE event_id = ? ORDER BY household_id")) {
            select.setLong(1, ((Number) event.get("id")).longValue());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAreaOfWardsCoversTheFamiliesOfThatWardByAddressOrByLocation() throws Exception {
        Household chuo = households.living("43100", true);
        Household higashi = ward("43102");
        Map<String, Object> event = declare(Map.of("kind", "MUNICIPALITIES", "codes", List.of("43101")));
        assertTrue(covered(event).contains(chuo.id()));
        assertFalse(covered(event).contains(higashi.id()));
        assertEquals("熊本市中央区", event.get("areaDescription"));
        List<Object> codes = ((List<Map<String, Object>>) (List<?>) event.get("municipalities")).stream()
                .map(m -> m.get("code")).toList();
        assertTrue(codes.contains("43100") && !codes.contains("43101"), "a ward's event is its city's for the declarations: " + codes);
        assertEquals(EventMunicipalities.expected(((Number) event.get("id")).longValue()), codes,
                "and the municipalities of the families it covers");
    }

    @Test
    void aDrawnPolygonWithoutCrsIsLongitudeLatitudeAndCoversTheHomesInsideIt() throws Exception {
        Household inside = households.living("43203", true, 130.7730, 32.2325);
        Household outside = households.living("43203", true, 130.7790, 32.2325);
        Map<String, Object> event = declare(Map.of("kind", "POLYGON", "geoJson", square(WEST, SOUTH, EAST, NORTH, null)));
        assertTrue(covered(event).contains(inside.id()));
        assertFalse(covered(event).contains(outside.id()));
        assertTrue(event.get("areaDescription").toString().contains("km²"), event.toString());
        assertEquals("EPSG:4326", Sql.queryForText("SELECT area_source_crs FROM disaster_event WHERE id = ?",
                ((Number) event.get("id")).longValue()));
    }

    @Test
    void aPolygonInThePlaneRectangularSystemIsTransformedToTheSameGround() throws Exception {
        Household inside = households.living("43203", true, 130.7731, 32.2326);
        double[] southWest = plane(WEST, SOUTH);
        double[] northEast = plane(EAST, NORTH);
        Map<String, Object> event = declare(Map.of("kind", "POLYGON", "geoJson",
                square(southWest[0], southWest[1], northEast[0], northEast[1], "urn:ogc:def:crs:EPSG::6670")));
        assertTrue(covered(event).contains(inside.id()));
        assertEquals("EPSG:6670", Sql.queryForText("SELECT area_source_crs FROM disaster_event WHERE id = ?",
                ((Number) event.get("id")).longValue()));
        double area = Double.parseDouble(Sql.queryForText("SELECT ST_Area(area_geom::geography) FROM disaster_event WHERE id = ?",
                ((Number) event.get("id")).longValue()));
        assertEquals(area(WEST, SOUTH, EAST, NORTH), area, area * 0.02, "the same square of ground");
    }

    @Test
    void anUploadedShapefileIsReadWithItsPrjAndTransformed() throws Exception {
        Household inside = households.living("43203", true, 130.7732, 32.2327);
        Path directory = Files.createTempDirectory("event-area-");
        Path geojson = directory.resolve("area.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"停電区域\"},\"geometry\":" + square(WEST, SOUTH, EAST, NORTH, null) + "}]}");
        GeoData.ogr2ogr("-f", "ESRI Shapefile", "-s_srs", "EPSG:6668", "-t_srs", "EPSG:6670",
                directory.resolve("停電区域.shp").toString(), geojson.toString());
        MultipartBody.Builder body = MultipartBody.builder().addPart("name", "範囲試験（ファイル） " + System.nanoTime())
                .addPart("eventType", "POWER_OUTAGE");
        for (String extension : List.of("shp", "shx", "dbf", "prj")) {
            Path file = directory.resolve("停電区域." + extension);
            body.addPart("file", file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile());
        }
        Map<String, Object> event = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/disaster-events/upload", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
        assertTrue(covered(event).contains(inside.id()));
        assertEquals("EPSG:6670", Sql.queryForText("SELECT area_source_crs FROM disaster_event WHERE id = ?",
                ((Number) event.get("id")).longValue()), "identified from the .prj");
    }

    @Test
    void aHomeWithoutCoordinatesInAMunicipalityTheAreaTouchesIsListedSoNobodyIsMissed() throws Exception {
        households.living("43203", true, 130.7733, 32.2328);
        Household unknown = ward("43203");
        Household unknownElsewhere = ward("43444");
        Map<String, Object> event = declare(Map.of("kind", "POLYGON", "geoJson", square(WEST, SOUTH, EAST, NORTH, null)));
        assertTrue(covered(event).contains(unknown.id()));
        assertFalse(covered(event).contains(unknownElsewhere.id()));
        assertEquals("LOCATION_UNKNOWN", Sql.queryForText("SELECT included_because FROM disaster_event_household "
                + "WHERE event_id = ? AND household_id = ?", ((Number) event.get("id")).longValue(), unknown.id()));
    }

    @Test
    void evaluatingTheAreaAgainAddsFamiliesThatMovedInAndGivesThemTheRunningSafetyCheck() throws Exception {
        households.withGuardian(households.living("43203", true, 130.7734, 32.2329), "area-" + System.nanoTime() + "@example.jp");
        Map<String, Object> event = declare(Map.of("kind", "POLYGON", "geoJson", square(WEST, SOUTH, EAST, NORTH, null)));
        long id = ((Number) event.get("id")).longValue();
        Map<String, Object> start = Map.of("replyWithinMinutes", 60);
        Map<?, ?> preview = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF, HttpRequest.POST(
                "/api/disaster-events/" + id + "/safety-check/preview", start)), Map.class);
        http.toBlocking().exchange(logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events/" + id + "/safety-check",
                SafetyCheckRequests.confirmed(start, preview))));
        Household movedIn = households.withGuardian(households.living("43203", true, 130.7735, 32.2331),
                "moved-" + System.nanoTime() + "@example.jp");
        assertFalse(covered(event).contains(movedIn.id()), "fixed when declared");
        Map<String, Object> reevaluated = http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + id + "/reevaluate", Map.of())), Argument.mapOf(String.class, Object.class));
        assertTrue(((Number) reevaluated.get("added")).intValue() >= 1);
        assertTrue(covered(event).contains(movedIn.id()));
        assertEquals("QUEUED", Sql.queryForText("SELECT email_state FROM safety_check WHERE event_id = ? AND household_id = ?",
                id, movedIn.id()));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE kind = 'safety-check' AND household_id = ?",
                movedIn.id()));
        assertEquals(0, ((Number) http.toBlocking().retrieve(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/" + id + "/reevaluate", Map.of())), Argument.mapOf(String.class, Object.class))
                .get("added")).intValue(), "nothing twice");
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM outbox_message WHERE kind = 'safety-check' AND household_id = ?",
                movedIn.id()));
    }

    @Test
    void badAreasAndTimesAreRefusedWithAClearReasonAndNoEventIsWritten() throws Exception {
        long before = Sql.queryForLong("SELECT count(*) FROM disaster_event");
        Map<String, String> refusals = new HashMap<>();
        refusals.put("行目", send(Map.of("kind", "POLYGON", "geoJson", "{\"type\":\"Polygon\",\"coordinates\":[[[130.77,32.23],")));
        refusals.put("LineString", send(Map.of("kind", "POLYGON", "geoJson",
                "{\"type\":\"LineString\",\"coordinates\":[[130.77,32.23],[130.78,32.24]]}")));
        refusals.put("熊本県にかかっていません", send(Map.of("kind", "POLYGON", "geoJson", square(-30.0, 10.0, -29.9, 10.1, null))));
        refusals.put("座標系", send(Map.of("kind", "POLYGON", "geoJson", square(-51000, -7000, -50000, -6000, null))));
        refusals.put("EPSG:999999", send(Map.of("kind", "POLYGON", "crs", 999999, "geoJson", square(WEST, SOUTH, EAST, NORTH, null))));
        refusals.put("99999", send(Map.of("kind", "MUNICIPALITIES", "codes", List.of("43203", "99999"))));
        refusals.put("1つ以上", send(Map.of("kind", "MUNICIPALITIES", "codes", List.of())));
        refusals.put("レイヤー 987654321", send(Map.of("kind", "HAZARD_ZONES", "layerId", 987654321L, "minSeverity", 2)));
        refusals.put("type を持つ", send(Map.of("kind", "POLYGON", "geoJson", "[1,2,3]")));
        refusals.forEach((expected, detail) -> assertTrue(detail.contains(expected), expected + " ← " + detail));

        Map<String, Object> body = new HashMap<>(Map.of("name", "時刻試験", "eventType", "TYPHOON",
                "area", Map.of("kind", "MUNICIPALITIES", "codes", List.of("43203"))));
        body.put("outageStartedAt", Instant.now().toString());
        body.put("expectedRestorationAt", Instant.now().minusSeconds(3600).toString());
        HttpClientResponseException restoration = refused(body);
        assertEquals("復旧見込みは停電の開始より後にしてください", Problems.fieldErrors(restoration).get("expectedRestorationAt"));
        body.put("startsAt", "2020-01-01T00:00:00Z");
        body.remove("expectedRestorationAt");
        assertTrue(Problems.fieldErrors(refused(body)).get("startsAt").contains("30日前"));
        body.remove("startsAt");
        body.put("eventType", "BLIZZARD");
        assertEquals(HttpStatus.BAD_REQUEST, refused(body).getStatus());
        MultipartBody noFile = MultipartBody.builder().addPart("name", "ファイルなし").addPart("eventType", "TYPHOON").build();
        HttpClientResponseException withoutFile = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/upload", noFile).contentType(MediaType.MULTIPART_FORM_DATA_TYPE))));
        assertTrue(Problems.fieldErrors(withoutFile).get("file").contains("範囲のファイル"));
        Path dbfOnly = Files.createTempFile("area", ".dbf");
        Files.write(dbfOnly, new byte[] {3, 126, 1, 1, 0, 0, 0, 0});
        MultipartBody onlyDbf = MultipartBody.builder().addPart("name", "dbf だけ").addPart("eventType", "TYPHOON")
                .addPart("file", "停電区域.dbf", MediaType.APPLICATION_OCTET_STREAM_TYPE, dbfOnly.toFile()).build();
        HttpClientResponseException dbf = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/upload", onlyDbf).contentType(MediaType.MULTIPART_FORM_DATA_TYPE))));
        assertTrue(Problems.body(dbf).get("detail").toString().contains(".shp と .dbf"), Problems.body(dbf).toString());
        assertEquals(before, Sql.queryForLong("SELECT count(*) FROM disaster_event"), "nothing written");
    }

    @Test
    void anUploadedAreaWithoutFeaturesOrWithAnUnknownCrsIsRefusedInJapaneseProblemJson() throws Exception {
        long before = Sql.queryForLong("SELECT count(*) FROM disaster_event");
        Path empty = Files.writeString(Files.createTempDirectory("area").resolve("停電区域.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[]}");
        HttpClientResponseException noFeatures = upload(empty);
        assertEquals("停電区域.geojson には地物が1件もありません（GeoJSON）。地物を含むファイルを送ってください",
                Problems.fieldErrors(noFeatures).get("area"), String.valueOf(Problems.body(noFeatures)));
        Path unknown = Files.writeString(Files.createTempDirectory("area").resolve("旧座標.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"Tokyo local\"}},\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + square(0, 0, 10, 10, null) + "}]}");
        String crs = Problems.fieldErrors(upload(unknown)).get("crs");
        assertTrue(crs.startsWith("旧座標.geojson の座標系「Tokyo local」が分かりません"), crs);
        assertTrue(crs.contains("「座標系」欄（crs）に EPSG コードを指定してください（例: 6668"), crs);
        assertEquals(before, Sql.queryForLong("SELECT count(*) FROM disaster_event"), "nothing written");
    }

    private HttpClientResponseException upload(Path file) {
        MultipartBody body = MultipartBody.builder().addPart("name", "ファイルの範囲").addPart("eventType", "TYPHOON")
                .addPart("file", file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile()).build();
        HttpClientResponseException refused = Problems.refused(() -> http.toBlocking().exchange(logins.as(Role.CENTER_STAFF,
                HttpRequest.POST("/api/disaster-events/upload", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE))));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), String.valueOf(Problems.body(refused)));
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        return refused;
    }

    private String send(Map<String, Object> area) {
        HttpClientResponseException refused = refused(Map.of("name", "不正な範囲", "eventType", "TYPHOON", "area", area));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus(), String.valueOf(Problems.body(refused)));
        Map<?, ?> problem = Problems.body(refused);
        return problem.get("detail") + " " + problem.get("errors");
    }

    private HttpClientResponseException refused(Map<String, Object> body) {
        clock.set(Instant.now());
        MutableHttpRequest<?> request = logins.as(Role.CENTER_STAFF, HttpRequest.POST("/api/disaster-events", body));
        return Problems.refused(() -> http.toBlocking().exchange(request));
    }

    private static double[] plane(double longitude, double latitude) throws Exception {
        try (Connection connection = Sql.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 6668), 6670) AS p) t")) {
            select.setDouble(1, longitude);
            select.setDouble(2, latitude);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new double[] {row.getDouble(1), row.getDouble(2)};
            }
        }
    }

    private static double area(double west, double south, double east, double north) throws Exception {
        return Double.parseDouble(Sql.queryForText("SELECT ST_Area(ST_MakeEnvelope(?, ?, ?, ?, 6668)::geography)::text",
                west, south, east, north));
    }

    /** A household of the ward (or, for a municipality code, without coordinates at all). */
    private Household ward(String code) {
        Household template = households.living(code.startsWith("431") ? "43100" : code, true);
        return code.startsWith("431") && !code.equals("43100")
                ? repository.update(copy(template, 130.7200, 32.8100, "43100", code))
                : repository.update(copy(template, null, null, code, null));
    }

    private static Household copy(Household h, Double longitude, Double latitude, String municipality, String ward) {
        return new Household(h.id(), h.childFamilyName(), h.childGivenName(), h.childFamilyNameKana(), h.childGivenNameKana(),
                h.childBirthDate(), h.nicuInstitution(), h.nicuInKumamoto(), h.nicuDischargeDate(), h.ventilatorDependent(),
                h.ventilatorHoursPerDay(), h.ventilatorOffMinutesPerDay(), h.otherCare(), h.postalCode(), h.address(),
                h.prefectureCode(), municipality, ward, longitude, latitude, h.sharesWithMunicipality(),
                h.sharingConsentDate(), h.emailContactConsent(), h.ventilatorBatteryHours(), h.spareBatteryCount(),
                h.spareBatteryHoursEach(), h.createdAt(), h.updatedAt(), h.version());
    }
}
