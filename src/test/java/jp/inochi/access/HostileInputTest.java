package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Hostile input is stored as text and served inert, and over-long input is refused, for every JSON body the
 * OpenAPI document describes (so fields added later are checked too). Forged and expired tokens:
 * {@link TokensFollowCurrentRightsTest}; a form post without its CSRF token: {@link WebSignInTest}.
 */
@MicronautTest(transactional = false)
class HostileInputTest {
    static final List<String> PAYLOADS = List.of(
            "Robert'); DROP TABLE app_user;--",
            "' OR '1'='1",
            "<script>alert('xss')</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "=HYPERLINK(\"http://evil.example\")",
            "熊本'); DELETE FROM household; --");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    TestLogins logins;

    @Inject
    HouseholdRepository households;

    @Inject
    HouseholdDirectory directory;

    @Inject
    JsonMapper json;

    @Test
    void injectionAndScriptInNamesAreStoredVerbatimAndServedAsInertJson() throws Exception {
        long householdsBefore = Sql.queryForLong("SELECT count(*) FROM household");
        for (String payload : PAYLOADS) {
            String username = "hostile-" + System.nanoTime();
            HttpResponse<Map> created = client.toBlocking().exchange(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/users",
                    Map.of("username", username, "displayName", payload, "password", "hostile-input-pass-1",
                            "role", "AUDITOR"))), Map.class);
            long id = ((Number) created.body().get("id")).longValue();
            var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.getURI().resolve("/api/users/" + id)).header("Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN))
                    .build(), BodyHandlers.ofString());
            assertEquals("application/json", raw.headers().firstValue("content-type").orElseThrow(), payload);
            assertEquals("nosniff", raw.headers().firstValue("x-content-type-options").orElseThrow());
            assertEquals(payload, json.readValue(raw.body(), Map.class).get("displayName"), "served back as the same text");
            assertEquals(1, Sql.queryForLong("SELECT count(*) FROM app_user WHERE id = ? AND display_name = ?", id, payload),
                    "stored verbatim: " + payload);
        }
        assertTrue(Sql.queryForLong("SELECT count(*) FROM app_user") > 0, "the table is still there");
        assertEquals(householdsBefore, Sql.queryForLong("SELECT count(*) FROM household"));
    }

    @Test
    void injectionAndScriptInAHouseholdsNameAndAddressStayText() throws Exception {
        Instant now = Instant.now();
        for (String payload : PAYLOADS) {
            Household saved = households.save(new Household(null, payload, payload, "カナ", "カナ", LocalDate.of(2025, 3, 1),
                    "病院", true, LocalDate.of(2025, 6, 1), true, new BigDecimal("24.0"), 10, payload, null, payload,
                    "43", "43202", null, 130.6, 32.5, true, LocalDate.of(2025, 7, 1), true, null, 0, null, now, now, null));
            var read = directory.read(logins.viewer(Role.CENTER_STAFF), saved.id(), "test");
            assertEquals(payload, read.household().childFamilyName());
            assertEquals(payload, read.household().address());
            String asJson = json.writeValueAsString(Map.of("address", read.household().address()));
            assertEquals(payload, json.readValue(asJson, Map.class).get("address"), "JSON keeps it a string");
        }
        assertTrue(Sql.queryForLong("SELECT count(*) FROM household") >= PAYLOADS.size(), "nothing was deleted");
    }

    @Test
    void injectionInADeclarationReasonIsStoredAsText() throws Exception {
        String payload = "'); UPDATE household SET shares_with_municipality = true; -- <script>alert(1)</script>";
        long consentingBefore = Sql.queryForLong("SELECT count(*) FROM household WHERE shares_with_municipality");
        Map<?, ?> declared = client.toBlocking().retrieve(logins.as(Role.CENTER_ADMIN, HttpRequest.POST("/api/disaster-declarations",
                Map.of("municipalityCodes", List.of("43513"), "hazardType", "FLOOD", "reason", payload,
                        "endsAt", Instant.now().plusSeconds(3600).toString()))), Map.class);
        assertEquals(payload, declared.get("reason"));
        assertEquals(consentingBefore, Sql.queryForLong("SELECT count(*) FROM household WHERE shares_with_municipality"));
    }

    /**
     * Every string in every JSON request body must declare a maximum length (or a pattern that bounds it), and a value
     * one character longer gets a 400 naming the field, before anything is written; so must every query parameter
     * that declares one.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyStringInputHasALimitAndOneCharacterMoreIsA400NamingTheField() throws Exception {
        Map<String, Object> document = new Yaml().load(client.toBlocking().retrieve("/openapi/inochi-api-0.1.yml"));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.getOrDefault("components", Map.of()))
                .getOrDefault("schemas", Map.of());
        List<String> unbounded = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        int checked = 0;
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) path.getValue()).entrySet()) {
                String method = entry.getKey();
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                String target = path.getKey();
                for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> schema = resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()), schemas);
                    if ("path".equals(parameter.get("in")) && "uuid".equals(schema.get("format"))) {
                        target = target.replace("{" + parameter.get("name") + "}", "00000000-0000-0000-0000-000000000001");
                    }
                }
                target = target.replaceAll("\\{[^}]+}", "1");
                for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> schema = resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()), schemas);
                    if (!"query".equals(parameter.get("in")) || !isFreeText(schema)) {
                        continue;
                    }
                    String name = String.valueOf(parameter.get("name"));
                    if (!schema.containsKey("maxLength")) {
                        // The HTTP request line itself is limited (Netty: 4096 bytes), so a query value can't be huge.
                        continue;
                    }
                    checked++;
                    int status = send(method, target + "?" + name + "=" + "a".repeat(((Number) schema.get("maxLength")).intValue() + 1), null).statusCode();
                    if (status != 400) {
                        notRefused.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey() + " ?" + name + " → " + status);
                    }
                }
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                Map<String, Object> content = body == null ? Map.of() : (Map<String, Object>) body.get("content");
                if (!content.containsKey("application/json")) {
                    continue;
                }
                Map<String, Object> schema = resolve((Map<String, Object>) ((Map<String, Object>) content.get("application/json"))
                        .get("schema"), schemas);
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    Map<String, Object> propertySchema = resolve((Map<String, Object>) property.getValue(), schemas);
                    boolean array = "array".equals(propertySchema.get("type"));
                    Map<String, Object> stringSchema = array
                            ? resolve((Map<String, Object>) propertySchema.getOrDefault("items", Map.of()), schemas) : propertySchema;
                    if (!isFreeText(stringSchema)) {
                        continue;
                    }
                    String label = method.toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + property.getKey();
                    if (!stringSchema.containsKey("maxLength") && !hasBoundedPattern(stringSchema)) {
                        unbounded.add(label);
                        continue;
                    }
                    checked++;
                    String tooLong = stringSchema.containsKey("maxLength")
                            ? "あ".repeat(((Number) stringSchema.get("maxLength")).intValue() + 1) : "1".repeat(1000);
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put(property.getKey(), array ? List.of(tooLong) : tooLong);
                    var response = send(method, target, json.writeValueAsString(request));
                    String field = array ? property.getKey() + "[0]" : property.getKey();
                    if (response.statusCode() != 400 || !response.body().contains("\"field\":\"" + field + "\"")) {
                        notRefused.add(label + " → " + response.statusCode() + " " + response.body());
                    }
                }
            }
        }
        assertTrue(unbounded.isEmpty() && notRefused.isEmpty(),
                "string fields of request bodies without a maximum length (add @Size(max = ...) or a bounded @Pattern): "
                        + unbounded + "\nover-long values not refused with a 400 naming the field: " + notRefused);
        assertTrue(checked >= 15, "the document describes the service's inputs: " + checked);
    }

    private java.net.http.HttpResponse<String> send(String method, String path, String jsonBody) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Authorization", "Bearer " + logins.bearer(Role.CENTER_ADMIN))
                .header("Accept", "*/*");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method.toUpperCase(Locale.ROOT), jsonBody == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(jsonBody));
        return java.net.http.HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
    }

    /** A pattern without *, + or {n,} can only match strings of bounded length. */
    private static boolean hasBoundedPattern(Map<String, Object> schema) {
        Object pattern = schema.get("pattern");
        return pattern != null && !String.valueOf(pattern).matches(".*([*+]|\\{\\d*,}).*");
    }

    private static boolean isFreeText(Map<String, Object> schema) {
        return "string".equals(schema.get("type")) && !schema.containsKey("enum")
                && !List.of("date", "date-time", "partial-time", "binary", "byte", "uuid").contains(String.valueOf(schema.get("format")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> current = schema == null ? Map.of() : schema;
        for (int depth = 0; depth < 10 && current.containsKey("$ref"); depth++) {
            String name = String.valueOf(current.get("$ref")).replace("#/components/schemas/", "");
            current = (Map<String, Object>) schemas.getOrDefault(name, Map.of());
        }
        return current;
    }
}
