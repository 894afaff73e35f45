package jp.inochi.loans;

import java.time.LocalDate;
import java.util.List;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.web.Confirmation;
import jp.inochi.web.Form;

/** What the loan page says before a loan ends: an ended loan can't be reopened, and the device moves on. */
final class LoanEndConfirmations {
    private static final String CANNOT_REOPEN = "終了した貸与は元に戻せません。期限の管理と年次確認はこの貸与では行わなくなります";

    private LoanEndConfirmations() {
    }

    static Confirmation completeReturn(long loanId, Form form, LocalDate inspectedOn, LoanReturns.DeviceAfterReturn device) {
        String after = switch (device) {
            case AVAILABLE -> "点検に合格した装置は貸出可能に戻り、ほかの申請に割り当てられます";
            case IN_REPAIR -> "装置は修理中になります";
            case RETIRED -> "装置は廃棄として除籍され、貸し出せなくなります";
        };
        return Confirmation.of(form, path(loanId) + "/complete-return",
                "返還を完了し、貸与 第" + loanId + "号を終了します。よろしいですか？", "はい、貸与を終了する", path(loanId),
                List.of("点検日 " + JapaneseDates.withGregorian(inspectedOn) + " で返還の完了を記録し、貸与を終了します", after,
                        CANNOT_REOPEN));
    }

    static Confirmation lostDevice(long loanId, Form form, LocalDate endedOn) {
        return Confirmation.of(form, path(loanId) + "/end-with-device-lost",
                "装置の紛失により、貸与 第" + loanId + "号を終了します。よろしいですか？", "はい、紛失により貸与を終了する",
                path(loanId), List.of("終了日 " + JapaneseDates.withGregorian(endedOn) + " で、受領と点検をせずに貸与を終了します",
                        "装置は除籍され、貸し出せなくなります", CANNOT_REOPEN));
    }

    private static String path(long loanId) {
        return "/loans/" + loanId;
    }
}
