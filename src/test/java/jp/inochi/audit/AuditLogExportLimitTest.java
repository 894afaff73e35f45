package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.inochi.access.Role;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "inochi.audit.max-export-rows", value = "2")
class AuditLogExportLimitTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestLogins logins;

    @Inject
    AuditLog auditLog;

    @Test
    void anExportOverTheLimitAsksToNarrowTheFilterInsteadOfCuttingItShort() {
        String marker = "limit-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            auditLog.system(AuditAction.UPDATE, "test", marker, i, null, null);
        }
        var refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                logins.as(Role.AUDITOR, HttpRequest.GET("/api/audit-log/export?subjectType=" + marker)), byte[].class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("該当が3行あり"));
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(logins.as(Role.AUDITOR,
                HttpRequest.GET("/api/audit-log/export?subjectType=" + marker + "&subjectId=1")), byte[].class).getStatus());
    }
}
