package jp.inochi.platform.hygiene;

import java.util.Collection;
import java.util.Map;

/**
 * Which control characters a request may carry: none in a URL, and in text only tab and line breaks. A NUL would
 * otherwise reach PostgreSQL, which refuses it with an error the service can only answer with 500.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** A path or query value: no control character at all. */
    public static boolean inUrl(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Text of a form or JSON body: tab, line feed and carriage return are text; the rest are not. */
    public static boolean inText(String value) {
        return value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
    }

    /** Any key or text value, however deep, of a parsed JSON or form body. */
    public static boolean inBody(Object value) {
        if (value instanceof CharSequence text) {
            return inText(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(entry -> inBody(String.valueOf(entry.getKey())) || inBody(entry.getValue()));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().anyMatch(ControlCharacters::inBody);
        }
        return false;
    }
}
