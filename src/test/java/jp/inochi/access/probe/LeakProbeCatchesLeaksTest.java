package jp.inochi.access.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.inochi.access.probe.LeakProbe.Finding;
import jp.inochi.access.probe.LeakProbe.Verdict;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

/** The probe is only worth its "0 leaks" if it finds the leaks it is shown: here, a set of deliberately wrong endpoints. */
@MicronautTest(transactional = false)
@Property(name = "inochi.test.leaky-endpoints", value = "true")
class LeakProbeCatchesLeaksTest {
    private static final String OPENAPI = """
            openapi: 3.0.1
            paths:
              /test-leaks/households/{id}:
                get:
                  parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
              /test-leaks/plan-status/{householdId}:
                get:
                  parameters:
                  - {name: householdId, in: path, required: true, schema: {type: integer}}
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
              /test-leaks/escaped/{householdId}:
                get:
                  parameters:
                  - {name: householdId, in: path, required: true, schema: {type: integer}}
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
              /test-leaks/list:
                get:
                  parameters:
                  - {name: municipalityCode, in: query, required: false, schema: {type: string}}
                  responses: {"200": {content: {application/json: {schema: {type: array}}}}}
              /test-leaks/clinical:
                get:
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
              /test-leaks/widgets/{widgetId}:
                get:
                  parameters:
                  - {name: widgetId, in: path, required: true, schema: {type: string}}
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
              /test-leaks/scoped/{householdId}:
                get:
                  parameters:
                  - {name: householdId, in: path, required: true, schema: {type: integer}}
                  responses: {"200": {content: {application/json: {schema: {type: object}}}}}
            """;

    @Inject
    EmbeddedServer server;

    @Inject
    TestLogins logins;

    @Inject
    HouseholdRepository households;

    @Inject
    JsonMapper json;

    @Test
    void theProbeReportsEveryKindOfLeakItIsShownAndPassesTheEndpointDoneRight() throws Exception {
        String marker = "漏洩検査" + System.nanoTime();
        Instant now = Instant.now();
        households.save(new Household(null, marker + "姓", marker + "名", "ロウエイ", "ケンサ", LocalDate.of(2025, 3, 1),
                "熊本大学病院", true, LocalDate.of(2025, 6, 1), true, new BigDecimal("24.0"), 10, null, null,
                "熊本市中央区" + marker + "1-1", "43", "43100", "43101", 130.7081, 32.8031, true, LocalDate.of(2025, 7, 1),
                true, null, 0, null, now, now, null));
        ProbeTargets targets = ProbeTargets.of(Sql::connect, "43100", "43101");
        LeakProbe.Report report = new LeakProbe(server.getURI(), logins.municipalBearer("43202"), targets, json)
                .run("八代市 officer against leaky endpoints", ApiOperation.parse(OPENAPI));
        Map<String, Finding> byPath = report.findings().stream()
                .collect(Collectors.toMap(finding -> finding.operation().path(), finding -> finding));
        String text = report.text();

        assertEquals(Verdict.LEAK, byPath.get("/test-leaks/households/{id}").verdict(), text);
        assertTrue(String.join("\n", byPath.get("/test-leaks/households/{id}").problems()).contains("child family name"), text);
        assertEquals(Verdict.LEAK, byPath.get("/test-leaks/plan-status/{householdId}").verdict(), text);
        assertTrue(byPath.get("/test-leaks/plan-status/{householdId}").problems().get(0).contains("expected 404"), text);
        assertEquals(Verdict.LEAK, byPath.get("/test-leaks/escaped/{householdId}").verdict(), text);
        assertTrue(String.join("\n", byPath.get("/test-leaks/escaped/{householdId}").problems()).contains("address"), text);
        assertEquals(Verdict.LEAK, byPath.get("/test-leaks/list").verdict(), "the query parameter got 43100: " + text);
        assertEquals(Verdict.DISCLOSURE, byPath.get("/test-leaks/clinical").verdict(), text);
        assertEquals(Verdict.NOT_COVERED, byPath.get("/test-leaks/widgets/{widgetId}").verdict(), text);
        assertEquals(Verdict.OK, byPath.get("/test-leaks/scoped/{householdId}").verdict(), text);
        assertEquals(List.of(404), List.copyOf(byPath.get("/test-leaks/scoped/{householdId}").statuses()), text);
        assertFalse(report.clean());
        assertFalse(text.contains(marker), "the report names what leaked, never the personal data itself");

        LeakProbe.Report control = LeakProbe.control(server.getURI(), logins.municipalBearer("43100"), targets, json)
                .run("熊本市 officer, control", ApiOperation.parse(OPENAPI));
        Map<String, Finding> own = control.findings().stream()
                .collect(Collectors.toMap(finding -> finding.operation().path(), finding -> finding));
        assertEquals(Verdict.VISIBLE, own.get("/test-leaks/scoped/{householdId}").verdict(), control.text());
        assertEquals(Verdict.DISCLOSURE, own.get("/test-leaks/clinical").verdict(), control.text());
        assertTrue(control.sawTargetData().contains("GET /test-leaks/scoped/{householdId}"), control.text());
    }
}
