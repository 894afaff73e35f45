package jp.inochi.platform.database;

/** The embedded cluster can't be used; the message says what to do about it. */
public class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
