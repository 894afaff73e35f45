package jp.inochi.evacuationplans.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Measures and wraps Japanese text to a width: breaks between any characters, never before 、。）」 and the like. */
final class TextFitter {
    private static final String NO_LINE_START = "、。，．・：；？！ー）」』】〕］｝〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ),.:;!?]}%";
    private static final int MISSING = '〓';

    private final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, Float> widths = new HashMap<>();

    TextFitter(PDType0Font font, TrueTypeFont ttf) throws IOException {
        this.font = font;
        this.cmap = ttf.getUnicodeCmapLookup();
    }

    /** The text with tabs as spaces, other control characters dropped, and characters the font lacks as 〓. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(codePoint)) {
                return;
            } else if (cmap.getGlyphId(codePoint) > 0) {
                out.appendCodePoint(codePoint);
            } else if (!Character.isWhitespace(codePoint)) {
                out.appendCodePoint(MISSING);
            } else {
                out.append(' ');
            }
        });
        return out.toString();
    }

    float width(String text, float size) {
        float thousandths = 0;
        for (int codePoint : printable(text).codePoints().toArray()) {
            thousandths += widths.computeIfAbsent(codePoint, this::glyphWidth);
        }
        return thousandths / 1000f * size;
    }

    private float glyphWidth(int codePoint) {
        try {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code text} at most {@code maxWidth} wide; its own line breaks are kept; at least one line. */
    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text.replace("\r\n", "\n")).split("\n", -1)) {
            wrapParagraph(paragraph, size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, float size, float maxWidth, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float maxThousandths = maxWidth * 1000f / size;
        float lineWidth = 0;
        int[] codePoints = paragraph.codePoints().toArray();
        for (int codePoint : codePoints) {
            float characterWidth = widths.computeIfAbsent(codePoint, this::glyphWidth);
            boolean mayStartLine = NO_LINE_START.indexOf(codePoint) < 0;
            if (lineWidth + characterWidth > maxThousandths && line.length() > 0 && mayStartLine) {
                boolean midWord = isLatinWordCharacter(line.charAt(line.length() - 1))
                        && codePoint < 0x80 && isLatinWordCharacter((char) codePoint);
                lines.add(midWord ? breakLatinWord(line) : take(line));
                lineWidth = width(line.toString(), 1000f);
            }
            line.appendCodePoint(codePoint);
            lineWidth += characterWidth;
        }
        lines.add(line.toString());
    }

    private static String take(StringBuilder line) {
        String finished = line.toString().stripTrailing();
        line.setLength(0);
        return finished;
    }

    /** Takes the finished line out of {@code line}, moving a cut Latin word or number to the next line whole. */
    private static String breakLatinWord(StringBuilder line) {
        int cut = line.length();
        while (cut > 0 && isLatinWordCharacter(line.charAt(cut - 1))) {
            cut--;
        }
        if (cut == 0) {
            return take(line);
        }
        String finished = line.substring(0, cut);
        String carried = line.substring(cut);
        line.setLength(0);
        line.append(carried);
        return finished.stripTrailing();
    }

    private static boolean isLatinWordCharacter(char character) {
        return character < 0x80 && (Character.isLetterOrDigit(character) || character == '-' || character == '.');
    }
}
