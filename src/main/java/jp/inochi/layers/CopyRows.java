package jp.inochi.layers;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Sends {@link CopyLine rows} to PostgreSQL's {@code COPY ... FROM STDIN} in blocks of about 256 KB, so the server
 * works on one block while the next is gathered.
 */
final class CopyRows {
    private static final int FLUSH_AT = 1 << 18;

    private final CopyIn copy;
    private final byte[] block = new byte[FLUSH_AT];
    private int filled;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    void add(byte[] row) throws SQLException {
        if (filled + row.length > block.length) {
            flush();
        }
        if (row.length > block.length) {
            copy.writeToCopy(row, 0, row.length);
        } else {
            System.arraycopy(row, 0, block, filled, row.length);
            filled += row.length;
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (filled > 0) {
            copy.writeToCopy(block, 0, filled);
            filled = 0;
        }
    }

    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
