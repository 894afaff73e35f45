package jp.inochi.layers;

import java.nio.charset.StandardCharsets;

/**
 * One row for PostgreSQL's {@code COPY ... FROM STDIN} (text format), made on a shaping thread: tab-separated,
 * {@code \N} for null, with backslash, tab and line breaks escaped; {@link #end()} gives its UTF-8 bytes.
 */
final class CopyLine {
    private final StringBuilder buffer = new StringBuilder(512);
    private boolean first = true;

    CopyLine value(Object value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof String[] array) {
            escape(array(array));
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A value that needs no escaping (hex digits): appended as it is. */
    CopyLine plain(String value) {
        separate();
        buffer.append(value);
        return this;
    }

    // counted, not read from the buffer: an empty first value leaves the buffer empty
    private void separate() {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
    }

    byte[] end() {
        return buffer.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                case '\0' -> {
                }
                default -> buffer.append(ch);
            }
        }
    }

    private static String array(String[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
