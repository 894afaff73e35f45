package jp.inochi.platform.tables;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps an upload from its dry run to its confirmation, in the database (not in memory: the confirmation may reach
 * the other instance, or come after a restart), with its SHA-256 and the digest of the dry run the person saw.
 * Only the person who uploaded it can take it, for the same purpose, within {@link #KEPT_FOR}.
 */
@Singleton
public class PendingUploads {
    public static final Duration KEPT_FOR = Duration.ofHours(1);

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PendingUploads(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An upload kept for confirmation; {@code file} is a fresh copy of its bytes (the caller deletes it). */
    public record Pending(UUID id, String fileName, Path file, String digest) {
    }

    public UUID keep(String purpose, long userId, String fileName, Path file, String digest) throws IOException {
        byte[] content = Files.readAllBytes(file);
        UUID id = UUID.randomUUID();
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement stale = connection.prepareStatement("DELETE FROM pending_table_upload WHERE created_at < ?")) {
                stale.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT_FOR)));
                stale.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pending_table_upload (id, purpose, user_id, file_name, sha256, content, digest, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, id);
                insert.setString(2, purpose);
                insert.setLong(3, userId);
                insert.setString(4, fileName);
                insert.setString(5, sha256(content));
                insert.setBytes(6, content);
                insert.setString(7, digest);
                insert.setTimestamp(8, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        });
        return id;
    }

    /** The upload, its bytes checked against the hash taken at the dry run; empty when gone, expired or not theirs. */
    public Optional<Pending> find(UUID id, String purpose, long userId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT file_name, sha256, content, digest FROM pending_table_upload
                    WHERE id = ? AND purpose = ? AND user_id = ? AND created_at >= ?""")) {
                select.setObject(1, id);
                select.setString(2, purpose);
                select.setLong(3, userId);
                select.setTimestamp(4, Timestamp.from(clock.instant().minus(KEPT_FOR)));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Pending>empty();
                    }
                    byte[] content = row.getBytes(3);
                    if (!sha256(content).equals(row.getString(2))) {
                        throw new IllegalStateException("pending upload " + id + " does not match its hash");
                    }
                    Path file = Files.createTempFile("inochi-table-", ".upload");
                    Files.write(file, content);
                    return Optional.of(new Pending(id, row.getString(1), file, row.getString(4)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    /** After a confirmed import, or when the outcome changed: the dry run the person now sees. */
    public void replaceDigest(UUID id, String digest) {
        update("UPDATE pending_table_upload SET digest = ? WHERE id = ?", digest, id);
    }

    public void forget(UUID id) {
        update("DELETE FROM pending_table_upload WHERE id = ?", id);
    }

    private void update(String sql, Object... parameters) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
