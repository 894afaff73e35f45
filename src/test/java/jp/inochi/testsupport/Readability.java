package jp.inochi.testsupport;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person would stumble on in the page as it is shown (test resource {@code js/readability.js}): wider than
 * the window, text below AA contrast, fields without a label. One line per problem, starting with {@code where}.
 */
public final class Readability {
    private static final String SCRIPT = load();

    private Readability() {
    }

    public static List<String> problems(Page page, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) page.evaluate(SCRIPT);
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(found.get("overflow"))) {
            problems.add(where + ": wider than the window (" + found.get("width") + "px)");
        }
        if (!((List<?>) found.get("lowContrast")).isEmpty()) {
            problems.add(where + ": low contrast " + found.get("lowContrast"));
        }
        if (!((List<?>) found.get("unlabelled")).isEmpty()) {
            problems.add(where + ": unlabelled " + found.get("unlabelled"));
        }
        return problems;
    }

    private static String load() {
        try (InputStream script = Readability.class.getResourceAsStream("/js/readability.js")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
