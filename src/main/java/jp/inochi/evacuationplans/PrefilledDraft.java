package jp.inochi.evacuationplans;

import java.util.List;
import jp.inochi.evacuationplans.model.EvacuationPlan;

/** A plan filled from Inochi, never saved; {@code prefilled} names the fields Inochi filled. */
public record PrefilledDraft(EvacuationPlan plan, List<String> prefilled, HomeContext context) {
}
