package jp.inochi.testruns;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.testruns.model.TestRunAnswer;

/** What the family reads after a click on a reply link, or after adding the problem's description. */
@Singleton
class TestRunReplyWords {
    private final CenterContact center;

    TestRunReplyWords(CenterContact center) {
        this.center = center;
    }

    /** The page's title and paragraphs, the answer on record, and whether the description form is shown. */
    record Words(String title, List<String> paragraphs, String answer, boolean asksForDescription) {
    }

    Words of(TestRunReplies.Reply reply) {
        TestRun run = reply.testRun();
        String month = run.monthLabel() + "の試運転";
        String recorded = "「" + run.answer().label() + "」（" + JapaneseDates.withGregorian(run.answeredOn()) + "に受け付け）";
        List<String> paragraphs = new ArrayList<>();
        String title;
        switch (reply.outcome()) {
            case RECORDED, CHANGED_TO_PROBLEM -> {
                title = "ご回答ありがとうございます";
                paragraphs.add(month + "の結果を" + recorded + "として記録しました。");
            }
            case ALREADY_RECORDED -> {
                title = "ご回答は記録済みです";
                paragraphs.add(month + "の結果は、すでに" + recorded + "として記録しています。重ねてお知らせいただく必要はありません。");
            }
            default -> {
                title = "ご回答は記録済みです";
                paragraphs.add(month + "の結果は" + recorded + "として記録しています。"
                        + "センターで装置を確認するまで、この記録のままにします。直った場合は、お電話でお知らせください。");
            }
        }
        boolean problem = run.answer() == TestRunAnswer.PROBLEM;
        if (problem) {
            paragraphs.add("センターから、装置の確認・修理や交換についてご連絡します。停電のときに使えないおそれがあるため、"
                    + "急ぎの場合は " + center.name() + "（電話 " + center.phone() + "）へお電話ください。");
        } else {
            paragraphs.add("来月も同じころにお知らせします。引き続き、燃料の保管にもご注意ください。");
        }
        return new Words(title, paragraphs, run.answer().label(), problem && run.problemDescription() == null);
    }

    Words described(TestRun run) {
        return new Words("問題の様子を受け付けました", List.of(
                run.monthLabel() + "の試運転で問題があったことと、その様子を記録しました。ありがとうございます。",
                "センターから、装置の確認・修理や交換についてご連絡します。急ぎの場合は " + center.name() + "（電話 "
                        + center.phone() + "）へお電話ください。"), run.answer().label(), false);
    }
}
