package jp.inochi.evacuationplans.print;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.inochi.evacuationplans.print.PrintablePlan.Section;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Prints a {@link PrintablePlan} as an A4 portrait PDF in Japanese with the font subset embedded: a title block, the
 * sections in order (long text wrapped, tables split between rows with their header repeated), the map where a
 * section asks for it, and on every page 「取扱注意（要配慮個人情報）」 and the page number.
 */
@Singleton
public final class PlanPdf {
    public static final String CONTENT_TYPE = "application/pdf";

    private final PlanFont font;

    public PlanPdf(PlanFont font) {
        this.font = font;
    }

    /** True when the font is installed and plans can be printed. */
    public boolean available() {
        return font.available();
    }

    /**
     * The PDF's bytes.
     *
     * @throws PlanFontMissingException when the Japanese font is not installed (503 for the API)
     */
    public byte[] render(PrintablePlan plan) {
        if (!font.available()) {
            throw new PlanFontMissingException(font.file());
        }
        TrueTypeFont ttf = font.borrow();
        try (PDDocument document = new PDDocument()) {
            describe(document, plan);
            try (PlanCanvas canvas = new PlanCanvas(document, ttf)) {
                TitleBlock.draw(canvas, plan);
                MapBlock map = MapBlock.of(plan.map());
                SectionBlock sections = new SectionBlock(canvas, plan.blankForm());
                for (Section section : plan.sections()) {
                    sections.draw(section, map);
                }
                canvas.close();
                PageFrame.stamp(canvas, plan);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The evacuation plan PDF could not be written", e);
        } finally {
            font.giveBack(ttf);
        }
    }

    /** The file name to offer, e.g. 個別避難計画_山田太郎.pdf. */
    public static String fileName(PrintablePlan plan) {
        String name = plan.childName().replaceAll("[\\s\\\\/:*?\"<>|]", "");
        return PrintablePlan.TITLE + (name.isEmpty() ? "" : "_" + name) + ".pdf";
    }

    private static void describe(PDDocument document, PrintablePlan plan) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(PrintablePlan.TITLE + (plan.childName().isEmpty() ? "" : "　" + plan.childName()));
        info.setSubject(PrintablePlan.HANDLING_NOTICE);
        info.setCreator("Inochi");
        document.getDocumentCatalog().setLanguage("ja-JP");
    }
}
