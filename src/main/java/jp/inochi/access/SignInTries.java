package jp.inochi.access;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * A real account's sign-in tries, reserved before the password is checked: one statement reads the lock and counts
 * the try, so however many guesses arrive at once, at most {@link LoginLockoutPolicy#MAX_CONSECUTIVE_FAILURES}
 * passwords are checked per lock window. The try that reaches the limit locks the account at once; a success
 * clears the count, unless other tries locked the account while its password was being checked.
 */
@Singleton
final class SignInTries {
    private static final String RESERVE = """
            UPDATE app_user
               SET failed_logins = CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END,
                   locked_until  = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END) >= ?
                                        THEN ?::timestamptz END
             WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)
            RETURNING failed_logins""";
    private static final String KEEP_SUCCESS = """
            UPDATE app_user SET failed_logins = 0, locked_until = NULL
             WHERE id = ? AND (locked_until IS NULL OR locked_until <= ? OR ? >= ?)""";

    private final TransactionOperations<Connection> transactions;

    SignInTries(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The number of this try in the current window (1 to the limit), or empty when the account is locked. */
    OptionalInt reserve(long userId, Instant now) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(RESERVE)) {
                statement.setInt(1, LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES);
                statement.setTimestamp(2, Timestamp.from(LoginLockoutPolicy.lockUntil(now)));
                statement.setLong(3, userId);
                statement.setTimestamp(4, Timestamp.from(now));
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reserve a sign-in try: " + e.getSQLState(), e);
            }
        });
    }

    /**
     * Clears the count after a right password. False when other tries locked the account while this one was being
     * checked: a success during a lock does not count. The try that itself set the lock may clear it.
     */
    boolean keepSuccess(long userId, int tryNumber, Instant now) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(KEEP_SUCCESS)) {
                statement.setLong(1, userId);
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setInt(3, tryNumber);
                statement.setInt(4, LoginLockoutPolicy.MAX_CONSECUTIVE_FAILURES);
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not clear the sign-in tries: " + e.getSQLState(), e);
            }
        });
    }
}
