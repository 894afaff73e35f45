package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import jp.inochi.audit.AuditEntry;
import jp.inochi.audit.AuditEntryRepository;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.testsupport.MovableClock;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestHouseholds;
import jp.inochi.testsupport.TestLogins;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HouseholdScopeTest {
    private static final String KUMAMOTO_CITY = "43100";
    private static final String YATSUSHIRO = "43202";

    @Inject
    HouseholdDirectory directory;

    @Inject
    TestHouseholds households;

    @Inject
    TestLogins logins;

    @Inject
    AuditEntryRepository auditEntries;

    @Inject
    MovableClock clock;

    @Test
    void centerStaffSeeEveryHouseholdOnTheCenterBasis() {
        Household household = households.living(YATSUSHIRO, false);
        var seen = directory.read(logins.viewer(Role.CENTER_STAFF), household.id(), "test");
        assertEquals(AccessBasis.CENTER, seen.basis());
    }

    @Test
    void officerSeesAConsentingHouseholdOfTheirOwnMunicipalityAndTheReadIsAudited() {
        Household household = households.living(YATSUSHIRO, true);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        var seen = directory.read(officer, household.id(), "GET /api/households/{id}");
        assertEquals(AccessBasis.CONSENT, seen.basis());
        AuditEntry entry = auditEntries.findByHouseholdIdOrderByIdAsc(household.id()).get(0);
        assertEquals(officer.userId(), entry.actorUserId());
        assertEquals(AccessBasis.CONSENT, entry.basis());
        assertEquals("127.0.0.1", entry.clientAddress());
    }

    @Test
    void officerOfAnotherMunicipalityGetsNotFoundEvenWithConsent() {
        Household inKumamotoCity = households.living(KUMAMOTO_CITY, true);
        Viewer yatsushiroOfficer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        assertThrows(NotFoundException.class, () -> directory.read(yatsushiroOfficer, inKumamotoCity.id(), "test"));
    }

    @Test
    void wardOfficerSeesOnlyTheirWard() {
        Household inChuoWard = households.living(KUMAMOTO_CITY, true);
        assertEquals(AccessBasis.CONSENT, directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, KUMAMOTO_CITY, "43101"),
                inChuoWard.id()).orElseThrow().basis());
        assertTrue(directory.find(logins.viewer(Role.MUNICIPAL_OFFICER, KUMAMOTO_CITY, "43105"), inChuoWard.id()).isEmpty());
    }

    @Test
    void auditorsSeeNoHouseholdData() {
        Household household = households.living(YATSUSHIRO, true);
        assertTrue(directory.find(logins.viewer(Role.AUDITOR), household.id()).isEmpty());
    }

    @Test
    void nonConsentingHouseholdIsVisibleOnlyWhileADeclarationIsActive() throws Exception {
        Household household = households.living(YATSUSHIRO, false);
        Viewer officer = logins.viewer(Role.MUNICIPAL_OFFICER, YATSUSHIRO, null);
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        clock.set(start.minus(Duration.ofHours(1)));
        declare(YATSUSHIRO, start, start.plus(Duration.ofDays(3)), logins.user(Role.CENTER_ADMIN).id());

        assertTrue(directory.find(officer, household.id()).isEmpty(), "before the declaration");
        clock.set(start.plus(Duration.ofHours(1)));
        assertEquals(AccessBasis.DECLARATION, directory.read(officer, household.id(), "test").basis());
        clock.set(start.plus(Duration.ofDays(3)));
        assertTrue(directory.find(officer, household.id()).isEmpty(), "after it ends by itself");
    }

    private void declare(String municipality, Instant start, Instant end, long adminId) throws Exception {
        try (var connection = Sql.connect();
             var insert = connection.prepareStatement("""
                     INSERT INTO disaster_declaration (municipality_codes, hazard_type, reason, starts_at, ends_at, declared_by, created_at)
                     VALUES (ARRAY[?]::varchar[], 'FLOOD', 'テスト', ?, ?, ?, now())""")) {
            insert.setString(1, municipality);
            insert.setObject(2, java.sql.Timestamp.from(start));
            insert.setObject(3, java.sql.Timestamp.from(end));
            insert.setLong(4, adminId);
            insert.executeUpdate();
        }
    }
}
