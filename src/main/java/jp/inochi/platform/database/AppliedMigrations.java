package jp.inochi.platform.database;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of {@code flyway_schema_history}, and whether they already say what a Flyway migrate-with-validate of this
 * build would find: every script applied successfully with the same checksum, and nothing else. Anything more (a new
 * script, a changed one, a failed or missing row, a baseline) and Flyway runs as usual, refusing a changed migration.
 */
record AppliedMigrations(List<Row> rows) {

    record Row(String type, String script, Integer checksum, boolean success) {
    }

    boolean matchExactly(Map<String, Integer> scripts) {
        if (scripts.isEmpty() || rows.size() != scripts.size()) {
            return false;
        }
        boolean allPlainAndApplied = rows.stream()
                .allMatch(row -> "SQL".equals(row.type()) && row.success() && row.checksum() != null);
        if (!allPlainAndApplied) {
            return false;
        }
        // A script recorded twice drops out of the map (merge to null), so the two differ.
        Map<String, Integer> applied = rows.stream()
                .collect(Collectors.toMap(Row::script, Row::checksum, (first, twice) -> null));
        return applied.equals(scripts);
    }
}
