package jp.inochi.disasters;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the browser tests of the call sheet read from it and check on it: the households of the rows shown, whether the
 * page fits the window with names and phones on one line, and its print on A4 landscape.
 */
final class CallSheetPages {
    private static final String FIT = script("/js/fit.js");
    private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]");

    private CallSheetPages() {
    }

    /** The households of the rows on the page, top to bottom. */
    static List<Long> householdsShown(Page page) {
        List<Long> ids = new ArrayList<>();
        for (String id : page.locator("tbody.call-row").evaluateAll("rows => rows.map(r => r.id)").toString()
                .replaceAll("[\\[\\] ]", "").split(",")) {
            if (!id.isBlank()) {
                ids.add(Long.parseLong(id.replace("row-", "")));
            }
        }
        return ids;
    }

    /** What does not fit the window of the given width: the page, a table, a name or a phone number broken. */
    static List<String> fitProblems(Page page, int width, String path) {
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) page.evaluate(FIT);
        int pageWidth = ((Number) fit.get("pageWidth")).intValue();
        if (pageWidth > width) {
            problems.add(width + "px " + path + ": the page is " + pageWidth + "px");
        }
        ((List<?>) fit.get("wideTables")).forEach(t -> problems.add(width + "px " + path + ": " + t));
        ((List<?>) fit.get("brokenNames")).forEach(n -> problems.add(width + "px " + path + ": name " + n));
        long brokenPhones = ((Number) page.evaluate("() => [...document.querySelectorAll('a.tel')]"
                + ".filter(a => a.getClientRects().length > 1).length")).longValue();
        if (brokenPhones > 0) {
            problems.add(width + "px " + path + ": " + brokenPhones + " phone numbers break across lines");
        }
        return problems;
    }

    /**
     * The open sheet on paper: the 取扱注意 header and the blank write-in column appear, the filters and forms go, the
     * table fits the paper's width and the PDF is A4 landscape. Leaves the page in print media.
     */
    static void assertPrintsOnA4Landscape(Page page) {
        assertThat(page.locator("th.write-in")).isHidden();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".print-header")).containsText("取扱注意");
        assertThat(page.locator("th.write-in")).isVisible();
        assertThat(page.locator("#filters")).isHidden();
        assertEquals(0L, ((Number) page.evaluate("() => [...document.querySelectorAll('form')]"
                + ".filter(f => f.getClientRects().length > 0).length")).longValue(), "no form on paper");
        assertTrue(((Number) page.evaluate("() => document.querySelector('#households').getBoundingClientRect().width"))
                .doubleValue() <= ((Number) page.evaluate("() => document.documentElement.clientWidth")).doubleValue() + 1,
                "the table fits the paper's width");
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
        Matcher box = MEDIA_BOX.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertTrue(box.find());
        assertEquals(842, Math.round(Double.parseDouble(box.group(1))), "A4 landscape width");
        assertEquals(595, Math.round(Double.parseDouble(box.group(2))), "A4 landscape height");
    }

    private static String script(String resource) {
        try (InputStream in = CallSheetPages.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
