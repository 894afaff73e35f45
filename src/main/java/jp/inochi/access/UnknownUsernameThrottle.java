package jp.inochi.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wrong sign-ins for usernames that don't exist are counted like real ones ({@link SignInTries}), in the database
 * shared by every instance, so after {@link LoginLockoutPolicy#MAX_CONSECUTIVE_FAILURES} they too answer "locked"
 * on every instance: the lock can't be used to find out which usernames exist. Only a keyed digest of the typed
 * name is stored; names untried for a day are forgotten.
 */
@Singleton
final class UnknownUsernameThrottle {
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final String RESERVE = """
            INSERT INTO unknown_username_attempt AS a (username_digest, failed_logins, locked_until, last_attempt_at)
            VALUES (?, 1, NULL, ?)
            ON CONFLICT (username_digest) DO UPDATE
               SET failed_logins   = CASE WHEN a.locked_until IS NULL THEN a.failed_logins + 1 ELSE 1 END,
                   locked_until    = CASE WHEN (CASE WHEN a.locked_until IS NULL THEN a.failed_logins + 1 ELSE 1 END) >= ?
                                          THEN ?::timestamptz END,
                   last_attempt_at = EXCLUDED.last_attempt_at
             WHERE a.locked_until IS NULL OR a.locked_until <= ?
            RETURNING failed_logins""";

    private final TransactionOperations<Connection> transactions;
    private final SecretKeySpec key;

    UnknownUsernameThrottle(TransactionOperations<Connection> transactions,
                            @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String signingSecret) {
        this.transactions = transactions;
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Counts a try for a name that doesn't exist: its number in the window, or empty when that name is locked. */
    OptionalInt reserve(String username, Instant now) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM unknown_username_attempt WHERE last_attempt_at < ?");
                 PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
                forget.setTimestamp(1, Timestamp.from(now.minus(FORGET_AFTER)));
                forget.executeUpdate();
                reserve.setString(1, digest(username));
                reserve.setTimestamp(2, Timestamp.from(now));
                reserve.setInt(3, LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES);
                reserve.setTimestamp(4, Timestamp.from(LoginLockoutPolicy.lockUntil(now)));
                reserve.setTimestamp(5, Timestamp.from(now));
                try (ResultSet row = reserve.executeQuery()) {
                    return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count a sign-in try: " + e.getSQLState(), e);
            }
        });
    }

    String digest(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("unknown-username:" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
