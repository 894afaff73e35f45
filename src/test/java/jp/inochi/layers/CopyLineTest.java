package jp.inochi.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyLineTest {

    private static String text(CopyLine line) {
        return new String(line.end(), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFirstValueStillKeepsItsColumn() {
        assertEquals("\tx\n", text(new CopyLine().value("").value("x")));
        assertEquals("\t01ab\n", text(new CopyLine().value("").plain("01ab")));
    }

    @Test
    void nullIsBackslashNAndTabsLineBreaksAndBackslashesAreEscaped() {
        assertEquals("1\t\\N\ta\\tb\\nc\\\\d\n", text(new CopyLine().value(1L).value(null).value("a\tb\nc\\d")));
    }

    @Test
    void anArrayIsQuotedForPostgresAndThenEscapedForCopy() {
        // {"浸水","a\""}: the quote escaped for the array, that backslash escaped again for COPY
        assertEquals("{\"浸水\",\"a\\\\\"\"}\n", text(new CopyLine().value(new String[] {"浸水", "a\""})));
    }
}
