package jp.inochi.reminders.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Staff read every kind of email in the outbox in Japanese, never as its kind column (training.invitation). */
@MicronautTest(transactional = false)
class EveryEmailKindHasAJapaneseLabelTest {
    @Inject
    List<MessageKind<?>> kinds;

    @Inject
    MessageKinds byName;

    @Test
    void everyKindTheFeaturesContributeIsLabelledInJapanese() {
        assertTrue(kinds.size() >= 9, "the features' email kinds: " + kinds.size());
        for (MessageKind<?> kind : kinds) {
            assertTrue(kind.label().matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*"), kind.name() + ": " + kind.label());
            assertEquals(kind.label(), byName.label(kind.name()));
        }
    }

    @Test
    void aKindThisServiceDoesNotKnowIsShownAsWritten() {
        assertEquals("newer.kind", byName.label("newer.kind"));
    }
}
