package jp.inochi.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.inochi.testsupport.Sql;
import jp.inochi.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void runCommandLoadsTheDemoDataOnceEvenWhenRestarted() throws Exception {
        TestDatabase.get();
        int demoHouseholds = countLines("\"type\": \"Feature\"", Path.of("gis/demo/households.geojson"));
        for (int start = 1; start <= 2; start++) {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                    Map.of("inochi.demo.dir", "gis/demo", "micronaut.server.port", -1), "test")) {
                assertTrue(server.isRunning());
            }
        }
        // Counted by the demo families' own marker, so the result does not depend on which test loaded the demo first.
        assertEquals(demoHouseholds, Sql.queryForLong("SELECT count(*) FROM guardian WHERE email LIKE 'family%@demo.invalid'"));
        assertEquals(1, Sql.queryForLong("SELECT count(*) FROM app_user WHERE username = 'hitoyoshi' AND municipality_code = '43203'"));
        assertEquals(3, Sql.queryForLong("SELECT count(*) FROM demo_data_load WHERE name IN ('users', 'households', 'boundaries')"));
        // the demo boundaries place every demo family: those in 人吉市 are determined as 人吉市 from their pins
        assertEquals(0, Sql.queryForLong("""
                SELECT count(*) FROM household h JOIN guardian g ON g.household_id = h.id AND g.email LIKE 'family%@demo.invalid'
                LEFT JOIN household_place p ON p.household_id = h.id
                WHERE h.municipality_code = '43203' AND p.located_municipality_code IS DISTINCT FROM '43203'"""));
        assertTrue(Sql.queryForLong("""
                SELECT count(*) FROM household h JOIN guardian g ON g.household_id = h.id AND g.email LIKE 'family%@demo.invalid'
                WHERE h.municipality_code = '43203'""") > 0);
    }

    @Test
    void demoMunicipalityListIsTheSameAsTheMigrationsReferenceData() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("gis/demo/municipalities.csv"), StandardCharsets.UTF_8);
        assertEquals(50, lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(1, Sql.queryForLong("SELECT count(*) FROM municipality WHERE code = ? AND name = ?", cells[0], cells[1]),
                    line);
        }
    }

    private static int countLines(String marker, Path file) throws Exception {
        return (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> line.contains(marker)).count();
    }
}
