package jp.inochi.households;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a change of consents changed, in the words of the history table; plain rules, no framework. */
public final class ConsentScopes {
    /** Line 544: in normal times sharing may need the person's consent where the municipality's ordinance says so. */
    public static final String ORDINANCE_NOTE = "平常時の市町村への情報提供は、お住いの市町村の条例などに特別の定めがあれば"
            + "本人（保護者）の同意が必要です（事業案内544行）";

    /** The consents a household holds at one moment. */
    public record Consents(boolean sharesWithMunicipality, LocalDate sharingConsentDate, boolean emailContact) {
    }

    private ConsentScopes() {
    }

    /** The scopes that changed from {@code before} (null for a new household) to {@code after}; empty when none. */
    public static List<String> changed(Consents before, Consents after) {
        List<String> scopes = new ArrayList<>();
        boolean wasSharing = before != null && before.sharesWithMunicipality();
        if (after.sharesWithMunicipality() && !wasSharing) {
            scopes.add("市町村への情報提供に同意");
        } else if (!after.sharesWithMunicipality() && wasSharing) {
            scopes.add("市町村への情報提供の同意を撤回");
        } else if (wasSharing && !Objects.equals(before.sharingConsentDate(), after.sharingConsentDate())) {
            scopes.add("市町村への情報提供の同意日を訂正");
        }
        boolean wasEmail = before != null && before.emailContact();
        if (after.emailContact() != wasEmail) {
            scopes.add(after.emailContact() ? "メールでのお知らせに同意" : "メールでのお知らせの同意を撤回");
        }
        return scopes;
    }

    /** The day the change took effect: the consent date when sharing was agreed, otherwise the day it was recorded. */
    public static LocalDate effectiveOn(Consents after, LocalDate today) {
        return after.sharesWithMunicipality() && after.sharingConsentDate() != null ? after.sharingConsentDate() : today;
    }
}
