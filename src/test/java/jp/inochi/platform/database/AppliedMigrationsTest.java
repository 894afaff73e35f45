package jp.inochi.platform.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppliedMigrationsTest {
    private static final Map<String, Integer> BUILD = Map.of("V1__a.sql", 11, "V2__b.sql", 22);

    private static AppliedMigrations.Row applied(String script, int checksum) {
        return new AppliedMigrations.Row("SQL", script, checksum, true);
    }

    @Test
    void historyHoldingEveryScriptUnchangedMatches() {
        assertTrue(new AppliedMigrations(List.of(applied("V1__a.sql", 11), applied("V2__b.sql", 22))).matchExactly(BUILD));
    }

    @Test
    void aChangedMigrationDoesNotMatchSoFlywayRunsAndRefusesIt() {
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11), applied("V2__b.sql", 23))).matchExactly(BUILD));
    }

    @Test
    void aNewMigrationDoesNotMatchSoFlywayAppliesIt() {
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11))).matchExactly(BUILD));
    }

    @Test
    void aMigrationMissingFromTheBuildDoesNotMatch() {
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11), applied("V2__b.sql", 22),
                applied("V3__c.sql", 33))).matchExactly(BUILD));
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11), applied("V1__a.sql", 11)))
                .matchExactly(Map.of("V1__a.sql", 11, "V9__z.sql", 11)));
    }

    @Test
    void aFailedBaselineOrUncheckedRowDoesNotMatch() {
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11),
                new AppliedMigrations.Row("SQL", "V2__b.sql", 22, false))).matchExactly(BUILD));
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11),
                new AppliedMigrations.Row("BASELINE", "V2__b.sql", 22, true))).matchExactly(BUILD));
        assertFalse(new AppliedMigrations(List.of(applied("V1__a.sql", 11),
                new AppliedMigrations.Row("SQL", "V2__b.sql", null, true))).matchExactly(BUILD));
        assertFalse(new AppliedMigrations(List.of()).matchExactly(Map.of()));
    }

    @Test
    void checksumIgnoresLineBreaksAndTheByteOrderMarkAsFlywayDoes() throws Exception {
        int unix = MigrationScripts.checksum(stream("CREATE TABLE a();\nSELECT 1;\n"));
        assertTrue(unix == MigrationScripts.checksum(stream("\uFEFFCREATE TABLE a();\r\nSELECT 1;")));
        assertFalse(unix == MigrationScripts.checksum(stream("CREATE TABLE a ();\nSELECT 1;\n")));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
