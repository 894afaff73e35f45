package jp.inochi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ListReadsAreAuditedPerHouseholdTest {

    @Inject
    AuditLog auditLog;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Test
    void aListIsAuditedOneEntryPerHouseholdInTheOrderShownEachWithItsBasis() throws Exception {
        long first = households.living("43202", true).id();
        long second = households.living("43202", false).id();
        long third = households.living("43202", true).id();
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, "43202", null);
        String resource = "GET /test/list/" + System.nanoTime();
        auditLog.householdsExported(officer, resource, List.of(new HouseholdAccess(third, AccessBasis.CONSENT),
                new HouseholdAccess(first, AccessBasis.CONSENT), new HouseholdAccess(second, AccessBasis.DECLARATION)));

        assertEquals(3, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ?", resource));
        assertEquals(third, Sql.queryForLong("SELECT household_id FROM audit_log WHERE resource = ? ORDER BY id LIMIT 1", resource));
        assertEquals(second, Sql.queryForLong(
                "SELECT household_id FROM audit_log WHERE resource = ? ORDER BY id DESC LIMIT 1", resource));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ? AND household_id = ?"
                + " AND basis = 'DECLARATION' AND action = 'EXPORT' AND subject_id = ?", resource, second, String.valueOf(second)));
        assertEquals(3, Sql.queryForLong("SELECT count(*) FROM audit_log WHERE resource = ? AND row_count = 3"
                + " AND actor_user_id = ? AND actor_role = 'MUNICIPAL_OFFICER' AND client_address = '127.0.0.1'",
                resource, officer.userId()));
        assertEquals(1, Sql.queryForLong("SELECT count(DISTINCT occurred_at) FROM audit_log WHERE resource = ?", resource));
    }
}
