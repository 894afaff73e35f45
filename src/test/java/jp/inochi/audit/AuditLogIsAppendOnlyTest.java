package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import jp.inochi.testsupport.Sql;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditLogIsAppendOnlyTest {

    @Inject
    AuditLog auditLog;

    @Test
    void entriesCanBeAddedButNeverChangedRemovedOrTruncated() throws Exception {
        auditLog.system(AuditAction.CREATE, "test", "thing", 1, null, "append-only check");
        try (var connection = Sql.connect(); var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM audit_log WHERE detail = 'append-only check'");
            rows.next();
            assertTrue(rows.getInt(1) >= 1);
            for (String tampering : new String[] {
                    "UPDATE audit_log SET actor_username = 'someone else'",
                    "DELETE FROM audit_log",
                    "TRUNCATE audit_log"}) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(tampering), tampering);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
    }
}
