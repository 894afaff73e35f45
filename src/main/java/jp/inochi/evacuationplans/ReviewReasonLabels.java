package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.inochi.evacuationplans.model.ReviewReason;
import jp.inochi.reminders.PlanReviewReasons;

/** The 見直しが必要 reasons in the staff digest, in the words of {@link ReviewReason}. */
@Singleton
class ReviewReasonLabels implements PlanReviewReasons {

    @Override
    public String labels(String reasons) {
        return Arrays.stream(reasons.split(",")).map(ReviewReason::valueOf).map(ReviewReason::label)
                .collect(Collectors.joining("・"));
    }
}
