package jp.inochi.loans.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.applications.model.ProgramDates;
import jp.inochi.platform.time.JapaneseDates;

/**
 * 円滑な在宅移行 (seed 000, lines 486, 503): a family may apply and be approved before the discharge, but the unit is
 * handed over only once the child is home: the actual discharge date recorded, on or after 2025-04-01 (line 558)
 * unless a center admin set that aside at the approval, and the child living at home.
 */
public final class HandoverReadiness {

    private HandoverReadiness() {
    }

    /** Why the handover must wait, in the center's words; empty when the loan may start. */
    public static List<String> refusals(LocalDate actualDischarge, boolean dischargeDateOverridden, boolean livesAtHome) {
        List<String> refusals = new ArrayList<>();
        if (actualDischarge == null) {
            refusals.add("NICUからの退院日が世帯に登録されていません。退院後に退院日を登録してから引き渡してください");
        } else if (actualDischarge.isBefore(ProgramDates.DISCHARGED_ON_OR_AFTER) && !dischargeDateOverridden) {
            refusals.add("退院日 " + JapaneseDates.withGregorian(actualDischarge) + " は"
                    + JapaneseDates.withGregorian(ProgramDates.DISCHARGED_ON_OR_AFTER) + "より前です");
        }
        if (!livesAtHome) {
            refusals.add("お子さんが在宅で生活していると登録されていません（入院中・施設入所中）");
        }
        return refusals;
    }
}
