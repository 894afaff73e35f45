package jp.inochi.hazards.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DepthRangeTest {

    @ParameterizedTest(name = "{0} is from {1} m to {2} m")
    @CsvSource({
            "1.0m以上2.0m未満, 1.0, 2.0",
            "０．３ｍ以上１．０ｍ未満, 0.3, 1.0",
            "0.5～1.0m, 0.5, 1.0",
            "5.0m - 10.0m, 5.0, 10.0",
            "0.3m未満, 0, 0.3",
            "浸水深 3.0m以上5.0m未満（想定最大規模）, 3.0, 5.0",
    })
    void tsunamiDepthTextIsParsedIntoItsBounds(String text, String min, String max) {
        DepthRange range = DepthRange.parse(text).orElseThrow();
        assertEquals(0, new BigDecimal(min).compareTo(range.min()));
        assertEquals(0, new BigDecimal(max).compareTo(range.max()));
    }

    @Test
    void aBandWithoutUpperBoundIsOpenAbove() {
        DepthRange range = DepthRange.parse("20m以上").orElseThrow();
        assertEquals(0, new BigDecimal("20").compareTo(range.min()));
        assertNull(range.max());
        assertEquals("20.0m以上", range.label());
    }

    @Test
    void labelsAreWrittenInTheKsjStyle() {
        assertEquals("3.0m以上5.0m未満", DepthRange.parse("3m～5m").orElseThrow().label());
        assertEquals("0m以上0.5m未満", DepthRange.parse("0.5m未満").orElseThrow().label());
        assertEquals("0.01m以上0.3m未満", DepthRange.parse("0.01m以上0.3m未満").orElseThrow().label());
    }

    @Test
    void textWithoutADepthIsNotADepth() {
        assertTrue(DepthRange.parse("浸水なし").isEmpty());
        assertTrue(DepthRange.parse("").isEmpty());
        assertTrue(DepthRange.parse("5.0m以上3.0m未満").isEmpty(), "upper bound below lower bound");
    }

    @Test
    void depthBandsArePlacedOnTheFloodRankScaleByTheirLowerBound() {
        assertEquals(FloodDepthRank.UNDER_0_5, FloodDepthRank.holding(DepthRange.parse("0.3m以上0.5m未満").orElseThrow()));
        assertEquals(FloodDepthRank.FROM_0_5_TO_3, FloodDepthRank.holding(DepthRange.parse("1.0m以上2.0m未満").orElseThrow()));
        assertEquals(FloodDepthRank.FROM_3_TO_5, FloodDepthRank.holding(DepthRange.parse("3.0m以上5.0m未満").orElseThrow()));
        assertEquals(FloodDepthRank.FROM_20, FloodDepthRank.holding(DepthRange.parse("20m以上").orElseThrow()));
    }
}
