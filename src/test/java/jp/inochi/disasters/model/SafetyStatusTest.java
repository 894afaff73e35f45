package jp.inochi.disasters.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SafetyStatusTest {
    private static final Instant DUE = Instant.parse("2026-09-01T03:00:00Z");
    private static final Instant BEFORE = DUE.minusSeconds(60);

    @Test
    void aFamilyNotYetAskedIsNotContacted() {
        assertEquals(SafetyStatus.NOT_CONTACTED, SafetyStatus.of(new SafetyStatus.Facts(null, SafetyStatus.Email.NONE, null), BEFORE));
    }

    @Test
    void aFamilyEmailedIsAwaitedUntilTheReplyTimeAndUnreachedFromIt() {
        SafetyStatus.Facts sent = new SafetyStatus.Facts(null, SafetyStatus.Email.SENT, DUE);
        assertEquals(SafetyStatus.AWAITING_REPLY, SafetyStatus.of(sent, BEFORE));
        assertEquals(SafetyStatus.UNREACHED, SafetyStatus.of(sent, DUE));
        assertEquals(SafetyStatus.AWAITING_REPLY, SafetyStatus.of(new SafetyStatus.Facts(null, SafetyStatus.Email.QUEUED, DUE), BEFORE));
    }

    @Test
    void aFamilyTheEmailCannotReachIsUnreachedAtOnce() {
        for (SafetyStatus.Email email : new SafetyStatus.Email[] {SafetyStatus.Email.NOT_EMAILED, SafetyStatus.Email.FAILED,
                SafetyStatus.Email.CANCELLED}) {
            assertEquals(SafetyStatus.UNREACHED, SafetyStatus.of(new SafetyStatus.Facts(null, email, DUE), BEFORE), email.name());
        }
    }

    @Test
    void theLatestReplyIsTheStatusWhateverTheEmailOrTheTime() {
        assertEquals(SafetyStatus.NEEDS_POWER, SafetyStatus.of(new SafetyStatus.Facts(Reply.NEEDS_POWER, SafetyStatus.Email.SENT, DUE), DUE.plusSeconds(3600)));
        assertEquals(SafetyStatus.EVACUATED, SafetyStatus.of(new SafetyStatus.Facts(Reply.EVACUATED, SafetyStatus.Email.NOT_EMAILED, DUE), BEFORE));
        assertEquals(SafetyStatus.SAFE_AT_HOME, SafetyStatus.of(new SafetyStatus.Facts(Reply.SAFE_AT_HOME, SafetyStatus.Email.NONE, null), BEFORE));
    }
}
