package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyWindowTest {
    @Test
    void aOneMinuteWindowIsRefusedInMinutesTheUnitOfTheField() {
        assertEquals("回答の期限は15分から4320分（72時間）までの分数で入力してください",
                ReplyWindow.refusal(Duration.ofMinutes(1)).orElseThrow());
    }

    @Test
    void fifteenMinutesToSeventyTwoHoursAreAllowed() {
        assertTrue(ReplyWindow.refusal(Duration.ofMinutes(15)).isEmpty());
        assertTrue(ReplyWindow.refusal(Duration.ofMinutes(4320)).isEmpty());
        assertTrue(ReplyWindow.refusal(Duration.ofMinutes(4321)).isPresent());
    }
}
