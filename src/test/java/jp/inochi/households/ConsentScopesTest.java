package jp.inochi.households;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import jp.inochi.households.ConsentScopes.Consents;
import org.junit.jupiter.api.Test;

class ConsentScopesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    @Test
    void aNewHouseholdThatConsentsToSharingStartsItsHistoryOnTheConsentDate() {
        Consents after = new Consents(true, LocalDate.of(2025, 11, 1), false);
        assertEquals(List.of("市町村への情報提供に同意"), ConsentScopes.changed(null, after));
        assertEquals(LocalDate.of(2025, 11, 1), ConsentScopes.effectiveOn(after, TODAY));
    }

    @Test
    void withdrawingSharingIsRecordedOnTheDayItIsRecorded() {
        Consents before = new Consents(true, LocalDate.of(2025, 11, 1), true);
        Consents after = new Consents(false, null, true);
        assertEquals(List.of("市町村への情報提供の同意を撤回"), ConsentScopes.changed(before, after));
        assertEquals(TODAY, ConsentScopes.effectiveOn(after, TODAY));
    }

    @Test
    void aCorrectionThatLeavesTheConsentsAloneAddsNoHistory() {
        Consents same = new Consents(true, LocalDate.of(2025, 11, 1), true);
        assertTrue(ConsentScopes.changed(same, same).isEmpty());
        assertTrue(ConsentScopes.changed(null, new Consents(false, null, false)).isEmpty());
    }

    @Test
    void aCorrectedConsentDateAndEmailConsentAreBothNamed() {
        Consents before = new Consents(true, LocalDate.of(2025, 11, 1), false);
        Consents after = new Consents(true, LocalDate.of(2025, 11, 3), true);
        assertEquals(List.of("市町村への情報提供の同意日を訂正", "メールでのお知らせに同意"), ConsentScopes.changed(before, after));
    }

    @Test
    void everyRowCarriesTheOrdinanceNoteOfLine544() {
        assertTrue(ConsentScopes.ORDINANCE_NOTE.contains("条例"));
        assertTrue(ConsentScopes.ORDINANCE_NOTE.contains("544"));
    }
}
