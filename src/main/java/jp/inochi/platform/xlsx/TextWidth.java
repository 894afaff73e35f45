package jp.inochi.platform.xlsx;

/** How many half-width character cells a text takes in Excel: full-width (Japanese) characters take two. */
final class TextWidth {
    private TextWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += wide(codePoint) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** Hangul jamo onwards, except the half-width katakana block (ｱ..ﾟ), is drawn full-width in Japanese fonts. */
    private static boolean wide(int codePoint) {
        return codePoint >= 0x1100 && !(codePoint >= 0xFF61 && codePoint <= 0xFFDC);
    }
}
