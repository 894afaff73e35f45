package jp.inochi.access.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.inochi.households.Guardian;
import jp.inochi.households.GuardianRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.testsupport.FreshDatabase;
import jp.inochi.testsupport.ProbeFixture;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 6): an officer of 八代市 (43202) calls every operation of the service's own OpenAPI document
 * with the ids, codes and tiles of 熊本市 (43100) households, in normal times and while disaster declarations are
 * active for both cities, and gets nothing of them: 0 leaks. The service runs as the run command starts it (demo
 * data of every feature loaded) on a database of its own, plus marker households whose every field is unique.
 * Operations added later are covered automatically; a parameter the probe can't fill with 熊本市 data fails it
 * with the list of what was and wasn't covered (see target/leak-probe.md). Rows the demo data doesn't give 熊本市
 * households come from {@link ProbeFixture} beans.
 */
class MunicipalScopeProbeTest {
    private static final String DEMO_PASSWORD = "probe-demo-password-2026";
    private static final String OPENAPI = "/openapi/inochi-api-0.1.yml";

    @Test
    void anOfficerOf八代市GetsNothingOf熊本市FromAnyEndpoint() throws Exception {
        FreshDatabase database = FreshDatabase.create("probe");
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("inochi.demo.dir", "gis/demo");
        properties.put("inochi.demo.password", DEMO_PASSWORD);
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            ApplicationContext context = server.getApplicationContext();
            JsonMapper json = context.getBean(JsonMapper.class);
            addMarkerHouseholds(context);
            URI base = server.getURI();
            HttpClient http = HttpClient.newHttpClient();
            String yatsushiro = token(http, base, json, "yatsushiro");
            String kumamoto = token(http, base, json, "kumamoto");
            String admin = token(http, base, json, "admin");

            List<ApiOperation> operations = ApiOperation.parse(get(http, base.resolve(OPENAPI)));
            ProbeTargets targets = ProbeTargets.of(database::connect, "43100", "43101");
            for (ProbeFixture fixture : context.getBeansOfType(ProbeFixture.class)) {
                fixture.addRowsFor(context, targets.householdIds);
            }
            assertTrue(targets.householdIds.size() >= 6, "demo and marker households of 熊本市: " + targets.householdIds);
            assertTrue(targets.secrets.values().stream().filter(what -> what.contains("guardian email")).count() >= 6,
                    "every 熊本市 household has a distinctive contact to look for");

            LeakProbe.Report normal = new LeakProbe(base, yatsushiro, targets, json).run("八代市 officer, normal times", operations);
            declare(http, base, json, admin, List.of("43202", "43100"));
            LeakProbe.Report declared = new LeakProbe(base, yatsushiro, targets, json)
                    .run("八代市 officer, declarations active for 八代市 and 熊本市", operations);
            LeakProbe.Report control = LeakProbe.control(base, kumamoto, targets, json)
                    .run("熊本市 officer (positive control: their own data is visible, without withheld fields)", operations);

            Map<String, Long> refused = new TreeMap<>(normal.refusals());
            declared.refusals().forEach((route, count) -> refused.merge(route, count, Long::sum));
            Map<String, Long> audited = auditedRefusals(database, "yatsushiro");
            String text = normal.text() + "\n" + declared.text() + "\n" + control.text();
            Path file = Path.of("target", "leak-probe.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "```\n" + text + "```\n", StandardCharsets.UTF_8);
            System.out.println(text);

            assertTrue(!refused.isEmpty(), "the probe was refused somewhere:\n" + text);
            assertEquals(refused, audited, "each refusal the probe caused is in the audit log (route → count)");
            assertEquals(List.of(), normal.notCovered(), "operations the probe could not cover:\n" + text);
            assertTrue(normal.clean(), "leaks in normal times:\n" + text);
            assertTrue(declared.clean(), "leaks during declarations:\n" + text);
            assertEquals(List.of(), control.disclosures(), "an officer was shown fields withheld from municipalities:\n" + text);
            assertTrue(control.findings().stream().noneMatch(finding -> finding.verdict() == LeakProbe.Verdict.LEAK));
            boolean householdReads = operations.stream().anyMatch(operation -> operation.isRead()
                    && operation.pathParameters().stream().anyMatch(parameter -> resolvesToTarget(targets, operation, parameter)));
            if (householdReads) {
                assertTrue(!control.sawTargetData().isEmpty(),
                        "positive control: the 熊本市 officer should see their own households somewhere; "
                                + "otherwise the probe's values don't reach the data:\n" + text);
            }
        }
    }

    /** Issue 16, finding 5: the REFUSED entries of the audit log, summed per route, for one user. */
    private static Map<String, Long> auditedRefusals(FreshDatabase database, String username) throws Exception {
        Map<String, Long> audited = new TreeMap<>();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT resource, sum(row_count) FROM audit_log WHERE action = 'REFUSED' AND actor_username = ? GROUP BY resource")) {
            query.setString(1, username);
            ResultSet rows = query.executeQuery();
            while (rows.next()) {
                audited.put(rows.getString(1), rows.getLong(2));
            }
        }
        return audited;
    }

    private static boolean resolvesToTarget(ProbeTargets targets, ApiOperation operation, ApiOperation.Parameter parameter) {
        try {
            String[] words = operation.path().split("/");
            String before = null;
            for (String word : words) {
                if (word.contains("{" + parameter.name() + "}")) {
                    break;
                }
                if (!word.isEmpty() && !word.contains("{")) {
                    before = word;
                }
            }
            return targets.resolve(parameter.name(), before).kind().recordOfTarget;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 熊本市 households whose every personal field is unique, consenting and not, in two wards; one of 八代市. */
    private static void addMarkerHouseholds(ApplicationContext context) {
        HouseholdRepository households = context.getBean(HouseholdRepository.class);
        GuardianRepository guardians = context.getBean(GuardianRepository.class);
        Instant now = Instant.now();
        Object[][] markers = {
                {"43100", "43101", true, 130.7081, 32.8031, "一"},
                {"43100", "43102", false, 130.7612, 32.7969, "二"},
                {"43202", null, true, 130.6015, 32.5076, "三"}};
        for (Object[] marker : markers) {
            String tag = "探査" + marker[5] + "号";
            Household saved = households.save(new Household(null, tag + "姓", tag + "名", "タンサ" + marker[5], "ゴウ" + marker[5],
                    LocalDate.of(2025, 3, 1), "探査病院" + marker[5], true, LocalDate.of(2025, 6, 1), true,
                    new BigDecimal("24.0"), 10, "気管切開", "860-0000", "熊本県" + tag + "町1-2-3", "43", (String) marker[0],
                    (String) marker[1], (Double) marker[3], (Double) marker[4], (Boolean) marker[2],
                    (Boolean) marker[2] ? LocalDate.of(2025, 7, 1) : null, true, new BigDecimal("6.0"), 1,
                    new BigDecimal("4.0"), now, now, null));
            guardians.save(new Guardian(null, saved.id(), 1, tag + "保護者", "タンサ ホゴシャ", "母",
                    "probe-" + saved.id() + "@example.invalid", "096-000-" + (1000 + saved.id())));
        }
    }

    private static void declare(HttpClient http, URI base, JsonMapper json, String adminToken, List<String> codes) throws Exception {
        Map<String, Object> body = Map.of("municipalityCodes", codes, "hazardType", "FLOOD", "reason", "漏洩検査のための宣言",
                "endsAt", Instant.now().plus(Duration.ofDays(1)).toString());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/disaster-declarations"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String token(HttpClient http, URI base, JsonMapper json, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "demo user " + username + " signs in");
        return (String) json.readValue(response.body(), Map.class).get("access_token");
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.toString());
        return response.body();
    }
}
