package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.repository.CrudRepository;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.inochi.access.Role;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The audit log can't be edited through the application: no endpoint, no repository method, and the table refuses. */
@MicronautTest(transactional = false)
class AuditLogCannotBeEditedTest {
    private static final List<String> WRITE_METHODS = List.of("post", "put", "patch", "delete");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Inject
    AuditLog auditLog;

    @Test
    @SuppressWarnings("unchecked")
    void theApiDescribesNoOperationThatWritesToTheAuditLog() {
        String yaml = client.toBlocking().retrieve("/openapi/inochi-api-0.1.yml");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(yaml).get("paths");
        List<String> auditPaths = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.toLowerCase(Locale.ROOT).contains("audit")) {
                auditPaths.add(path);
                for (String method : operations.keySet()) {
                    assertFalse(WRITE_METHODS.contains(method), method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        });
        assertEquals(List.of("/api/audit-log", "/api/audit-log/export"), auditPaths.stream().sorted().toList());
    }

    @Test
    void everyWriteRequestToTheAuditLogIsRefusedAndTheEntryIsUnchanged() throws Exception {
        auditLog.system(AuditAction.UPDATE, "test", "tamper-check", 1, null, "original");
        long id = Sql.queryForLong("SELECT max(id) FROM audit_log WHERE subject_type = 'tamper-check'");
        String changed = "{\"detail\":\"changed\",\"actorUsername\":\"nobody\"}";
        for (String path : List.of("/api/audit-log", "/api/audit-log/" + id, "/api/audit-log/export")) {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                var refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                        logins.as(Role.CENTER_ADMIN, HttpRequest.create(method, path).body(changed)
                                .contentType("application/json"))), method + " " + path);
                // No route: the security filter refuses it (403) or the router has no such method (404/405).
                assertTrue(List.of(403, 404, 405).contains(refused.code()), method + " " + path + " → " + refused.code());
            }
        }
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE id = ? AND detail = 'original'"
                + " AND actor_username = 'system'", id));
    }

    @Test
    void theRepositoryCanOnlyAddAndRead() {
        assertFalse(CrudRepository.class.isAssignableFrom(AuditEntryRepository.class));
        for (Method method : AuditEntryRepository.class.getMethods()) {
            String name = method.getName().toLowerCase(Locale.ROOT);
            assertFalse(name.startsWith("update") || name.startsWith("delete") || name.startsWith("remove"), method.toString());
        }
    }
}
