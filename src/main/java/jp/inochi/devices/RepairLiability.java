package jp.inochi.devices;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.problem.FieldError;

/**
 * 装置を亡くしたり壊したりなど利用者にその責任が認められる場合には、修理費用等を負担 (seed 000, line 538): the family
 * bears a repair's cost only for a device it had on loan, and only with the reason written down.
 */
final class RepairLiability {

    private RepairLiability() {
    }

    static List<FieldError> problems(@Nullable Long loanId, boolean familyLiable, @Nullable String liabilityNote) {
        List<FieldError> errors = new ArrayList<>();
        if (familyLiable && loanId == null) {
            errors.add(new FieldError("familyLiable", "貸与中の装置の修理でなければ、ご家族に費用の負担は求められません"));
        } else if (familyLiable && (liabilityNote == null || liabilityNote.isBlank())) {
            errors.add(new FieldError("liabilityNote", "ご家族に費用の負担を求める理由（ご家族の責任による破損など）を記入してください"));
        }
        return errors;
    }
}
