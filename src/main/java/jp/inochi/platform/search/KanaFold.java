package jp.inochi.platform.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one folding rule of search: what staff type and what is stored are compared after it. NFKC makes half-width
 * kana full-width (ｶﾞ → ガ) and full-width letters and digits plain (ＡＢＣ１２３ → ABC123); katakana become hiragana,
 * so 「ひなた」 finds 「ヒナタ」; letters are lower-cased and every space dropped, so 「山田ひなた」 finds 「山田 ひなた」.
 * The database applies the same rule as {@code search_fold(text)} (migration V151); SearchFoldAgreesWithSqlTest keeps the two equal.
 */
public final class KanaFold {
    private static final char FIRST_KATAKANA = '\u30A1'; // ァ
    private static final char LAST_KATAKANA = '\u30F6'; // ヶ
    private static final char ITERATION_MARK = '\u30FD'; // ヽ
    private static final char VOICED_ITERATION_MARK = '\u30FE'; // ヾ
    private static final int TO_HIRAGANA = 0x60;

    private KanaFold() {
    }

    public static String fold(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            boolean katakana = (c >= FIRST_KATAKANA && c <= LAST_KATAKANA) || c == ITERATION_MARK
                    || c == VOICED_ITERATION_MARK;
            folded.appendCodePoint(katakana ? c - TO_HIRAGANA : c);
        });
        return folded.toString();
    }
}
