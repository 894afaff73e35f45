package jp.inochi.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.inochi.households.ConsentScopes.Consents;
import org.junit.jupiter.api.Test;

class ConsentScopesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    @Test
    void aNewHouseholdThatConsentsToSharingStartsItsHistoryOnTheConsentDate() {
        Consents after = new Consents(true, LocalDate.of(2025, 11, 1), false);
        assertThat(ConsentScopes.changed(null, after)).containsExactly("市町村への情報提供に同意");
        assertThat(ConsentScopes.effectiveOn(after, TODAY)).isEqualTo(LocalDate.of(2025, 11, 1));
    }

    @Test
    void withdrawingSharingIsRecordedOnTheDayItIsRecorded() {
        Consents before = new Consents(true, LocalDate.of(2025, 11, 1), true);
        Consents after = new Consents(false, null, true);
        assertThat(ConsentScopes.changed(before, after)).containsExactly("市町村への情報提供の同意を撤回");
        assertThat(ConsentScopes.effectiveOn(after, TODAY)).isEqualTo(TODAY);
    }

    @Test
    void aCorrectionThatLeavesTheConsentsAloneAddsNoHistory() {
        Consents same = new Consents(true, LocalDate.of(2025, 11, 1), true);
        assertThat(ConsentScopes.changed(same, same)).isEmpty();
        assertThat(ConsentScopes.changed(null, new Consents(false, null, false))).isEmpty();
    }

    @Test
    void aCorrectedConsentDateAndEmailConsentAreBothNamed() {
        Consents before = new Consents(true, LocalDate.of(2025, 11, 1), false);
        Consents after = new Consents(true, LocalDate.of(2025, 11, 3), true);
        assertThat(ConsentScopes.changed(before, after))
                .containsExactly("市町村への情報提供の同意日を訂正", "メールでのお知らせに同意");
    }

    @Test
    void everyRowCarriesTheOrdinanceNoteOfLine544() {
        assertThat(ConsentScopes.ORDINANCE_NOTE).contains("条例").contains("544");
    }
}
