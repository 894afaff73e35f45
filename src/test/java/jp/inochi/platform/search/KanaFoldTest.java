package jp.inochi.platform.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What staff type is folded so hiragana finds katakana, half-width finds full-width, and spaces don't matter. */
class KanaFoldTest {

    @Test
    void katakanaAndHiraganaFoldToTheSameText() {
        assertEquals(KanaFold.fold("やまだ ひなた"), KanaFold.fold("ヤマダ　ヒナタ"));
        assertEquals("ゔぁいおりん", KanaFold.fold("ヴァイオリン"));
    }

    @Test
    void halfWidthKanaWithVoicedMarksFoldLikeFullWidth() {
        assertEquals(KanaFold.fold("ガッコウ"), KanaFold.fold("ｶﾞｯｺｳ"));
        assertEquals("ぱぴぷ", KanaFold.fold("ﾊﾟﾋﾟﾌﾟ"));
    }

    @Test
    void fullWidthLettersAndDigitsFoldToPlainLowerCase() {
        assertEquals("abc123", KanaFold.fold("ＡＢＣ１２３"));
        assertEquals("abc", KanaFold.fold("Abc"));
    }

    @Test
    void kanjiStayAsTheyAreWithoutSpaces() {
        assertEquals("山田ひなた", KanaFold.fold(" 山田　ひなた "));
    }

    @Test
    void aPhoneNumberIsComparedByItsDigitsOnly() {
        assertEquals("0961234567", SearchQuery.of("096-123-4567").phoneDigits());
        assertEquals("0961234567", SearchQuery.of("０９６－１２３－４５６７").phoneDigits());
        assertEquals("0961234567", SearchQuery.of("(096)1234567").phoneDigits());
        assertNull(SearchQuery.of("ひなた").phoneDigits(), "names are not phone numbers");
    }

    @Test
    void aBareNumberIsARecordsNumberNotAShortPhoneFragment() {
        assertEquals(12L, SearchQuery.of("12").number());
        assertNull(SearchQuery.of("12").phoneDigits(), "fewer than four digits: a number, not a phone");
        assertEquals(12L, SearchQuery.of("１２").number());
        assertEquals(12L, SearchQuery.of("第12号").number());
        assertEquals(12L, SearchQuery.of("#12").number());
        assertNull(SearchQuery.of("096-123").number(), "a hyphenated number is a phone number");
    }

    @Test
    void anEmptyBoxSearchesNothing() {
        assertTrue(SearchQuery.of(null).isEmpty());
        assertTrue(SearchQuery.of("　 ").isEmpty());
        assertEquals(SearchQuery.MAX_LENGTH, SearchQuery.of("あ".repeat(80)).typed().length());
    }
}
