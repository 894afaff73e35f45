package jp.inochi.evacuationplans.print;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A4 portrait pages written top to bottom: a cursor that moves down, a new page when the next block doesn't fit, and
 * text in the embedded Japanese font (characters it lacks print as 〓, as Japanese forms do).
 */
final class PlanCanvas implements AutoCloseable {
    static final PDRectangle A4 = PDRectangle.A4;
    static final float LEFT = 40;
    static final float RIGHT = A4.getWidth() - 40;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = A4.getHeight() - 58;
    static final float BOTTOM = 46;
    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    static final Color RULE = new Color(0x9a, 0xa0, 0xa6);
    static final Color SHADE = new Color(0xee, 0xf0, 0xf2);

    private final PDDocument document;
    private final PDType0Font font;
    private final TextFitter fitter;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PlanCanvas(PDDocument document, TrueTypeFont ttf) throws IOException {
        this.document = document;
        this.font = PDType0Font.load(document, ttf, true);
        this.fitter = new TextFitter(font, ttf);
        newPage();
    }

    TextFitter fitter() {
        return fitter;
    }

    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    /** Starts a new page unless {@code height} more points fit on this one; true when it started one. */
    boolean ensureRoom(float height) throws IOException {
        if (y - height >= BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    boolean atPageTop() {
        return y >= TOP;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(A4);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = TOP;
    }

    PDDocument document() {
        return document;
    }

    PDPageContentStream content() {
        return content;
    }

    List<PDPage> pages() {
        return pages;
    }

    PDType0Font font() {
        return font;
    }

    /** One line of text with its baseline at {@code baseline}; {@code bold} strokes the glyphs a little. */
    void text(float x, float baseline, float size, Color color, boolean bold, String line) throws IOException {
        text(content, x, baseline, size, color, bold, line);
    }

    void text(PDPageContentStream stream, float x, float baseline, float size, Color color, boolean bold, String line)
            throws IOException {
        String printable = fitter.printable(line);
        if (printable.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(color);
        if (bold) {
            stream.setStrokingColor(color);
            stream.setLineWidth(size * 0.03f);
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable);
        if (bold) {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.endText();
    }

    void box(float x, float top, float width, float height, Color fill, Color stroke) throws IOException {
        if (fill != null) {
            content.setNonStrokingColor(fill);
            content.addRect(x, top - height, width, height);
            content.fill();
        }
        if (stroke != null) {
            content.setStrokingColor(stroke);
            content.setLineWidth(0.5f);
            content.addRect(x, top - height, width, height);
            content.stroke();
        }
    }

    void line(float x1, float y1, float x2, float y2, Color color, float width) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(width);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
