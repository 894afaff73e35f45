package jp.inochi.platform.tables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What an upload would do, row by row, before anything is written. {@link #digest()} fingerprints the outcomes, so a
 * confirmation can check it writes exactly what the person saw. {@code id} names the upload kept for confirmation.
 */
public record DryRun(UUID id, String fileName, String format, List<RowOutcome> rows) {

    public DryRun {
        rows = List.copyOf(rows);
    }

    public DryRun withId(UUID uploadId) {
        return new DryRun(uploadId, fileName, format, rows);
    }

    public long count(RowOutcome.Outcome outcome) {
        return rows.stream().filter(row -> row.outcome() == outcome).count();
    }

    public long refusedCount() {
        return count(RowOutcome.Outcome.REFUSED);
    }

    public long createdCount() {
        return count(RowOutcome.Outcome.CREATED);
    }

    public long updatedCount() {
        return count(RowOutcome.Outcome.UPDATED);
    }

    public long unchangedCount() {
        return count(RowOutcome.Outcome.UNCHANGED);
    }

    public List<RowOutcome> refusals() {
        return rows.stream().filter(RowOutcome::refused).toList();
    }

    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RowOutcome row : rows) {
                sha.update((row.row() + "\t" + row.outcome() + "\t" + row.subject() + "\t" + row.reasons() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
