package jp.inochi.evacuationplans.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.inochi.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed 個別避難計画, read back with poppler-utils as a reader would (pdftotext, pdffonts, pdfinfo). */
class PlanPdfTest {
    private static final PlanPdf PDF = new PlanPdf(new PlanFont(Path.of(PlanFont.DEFAULT_FILE)));

    @TempDir
    Path dir;

    @Test
    void printedPlanNamesTheChildEverySupporterAndThePowerHours() throws Exception {
        String text = text(write(PDF.render(SamplePrintablePlans.full())), 1, 99);
        assertTrue(text.contains(PrintablePlan.TITLE), text);
        assertTrue(text.contains(SamplePrintablePlans.CHILD), text);
        for (String supporter : SamplePrintablePlans.SUPPORTERS) {
            assertTrue(text.contains(supporter), supporter + " in " + text);
        }
        assertTrue(text.contains(SamplePrintablePlans.POWER_HOURS), text);
        assertTrue(text.contains("令和8年5月10日（2026年5月10日）"), "和暦 beside 西暦: " + text);
    }

    @Test
    void everyFontOfThePrintedPlanIsEmbedded() throws Exception {
        List<String> fonts = run("pdffonts", write(PDF.render(SamplePrintablePlans.full())).toString()).lines()
                .skip(2).toList();
        assertFalse(fonts.isEmpty(), "the plan uses a font");
        for (String font : fonts) {
            String[] columns = font.trim().split("\\s+");
            assertEquals("yes", columns[columns.length - 5], "embedded: " + font);
            assertEquals("yes", columns[columns.length - 4], "subset: " + font);
        }
    }

    @Test
    void aPlanFitsOnTwoPagesWithTheHandlingNoticeOnEach() throws Exception {
        Path file = write(PDF.render(SamplePrintablePlans.full()));
        int pages = pages(file);
        assertTrue(pages <= 2, "pages: " + pages);
        for (int page = 1; page <= pages; page++) {
            assertTrue(text(file, page, page).contains(PrintablePlan.HANDLING_NOTICE), "notice on page " + page);
            assertTrue(text(file, page, page).replaceAll("\\s", "").contains(page + "/" + pages), "number on page " + page);
        }
    }

    @Test
    void aLongPlanCarriesOnToASecondPageWithTheHeaderAgain() throws Exception {
        Path file = write(PDF.render(SamplePrintablePlans.longer(4)));
        assertEquals(2, pages(file));
        String second = text(file, 2, 2);
        assertTrue(second.contains(PrintablePlan.HANDLING_NOTICE), second);
        assertTrue(second.contains(SamplePrintablePlans.CHILD), "running header names the child: " + second);
        assertTrue(second.replaceAll("\\s", "").contains("2/2"), second);
        assertTrue(text(file, 1, 1).replaceAll("\\s", "").contains("1/2"));
    }

    @Test
    void aBlankFormPrintsEverySectionToFillInByHand() throws Exception {
        Path file = write(PDF.render(SamplePrintablePlans.blank()));
        String text = text(file, 1, 99);
        for (String heading : List.of(BlankPlanForm.PERSON, BlankPlanForm.SUPPORTERS, BlankPlanForm.DESTINATIONS,
                BlankPlanForm.HOW, BlankPlanForm.POWER, BlankPlanForm.SUPPLIES, BlankPlanForm.CONTACTS, BlankPlanForm.CONSENT)) {
            assertTrue(text.contains(heading), heading + " in " + text);
        }
        assertTrue(text.contains("記入用"), text);
        assertTrue(pages(file) <= 2, "blank form pages: " + pages(file));
    }

    @Test
    void aCharacterTheFontLacksPrintsAsGetaInsteadOfFailing() throws Exception {
        PrintablePlan plan = new PrintablePlan("絵文字😀テスト", "", "", List.of(), List.of(), null, false);
        assertTrue(text(write(PDF.render(plan)), 1, 1).contains("絵文字〓テスト"));
    }

    @Test
    void aMissingFontIsAServiceUnavailableWithAJapaneseExplanation() {
        PlanFont missing = new PlanFont(Path.of("/nonexistent/ipaexg.ttf"));
        PlanPdf pdf = new PlanPdf(missing);
        assertFalse(pdf.available());
        PlanFontMissingException refused = assertThrows(PlanFontMissingException.class,
                () -> pdf.render(SamplePrintablePlans.full()));
        assertEquals(ProblemType.SERVICE_UNAVAILABLE, refused.type());
        assertTrue(refused.detail().contains("フォント") && refused.detail().contains(PlanFont.DEBIAN_PACKAGE),
                refused.detail());
        String logged = PlanFontStartupCheck.message(missing);
        assertTrue(logged.contains("/nonexistent/ipaexg.ttf") && logged.contains("apt-get install fonts-ipaexfont-gothic")
                && logged.contains("印刷用の日本語フォントがありません") && logged.contains("is missing"), logged);
    }

    private Path write(byte[] pdf) throws IOException {
        Path file = Files.createTempFile(dir, "plan", ".pdf");
        Files.write(file, pdf);
        return file;
    }

    private static String text(Path file, int first, int last) throws Exception {
        return run("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(first), "-l", String.valueOf(last),
                file.toString(), "-");
    }

    private static int pages(Path file) throws Exception {
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(run("pdfinfo", file.toString()));
        assertTrue(pages.find());
        return Integer.parseInt(pages.group(1));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }
}
