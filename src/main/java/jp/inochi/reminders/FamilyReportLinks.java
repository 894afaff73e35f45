package jp.inochi.reminders;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.links.LinkAction;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkToken;
import jp.inochi.reminders.model.ReportKind;

/**
 * The two links of a reminder email: 「市町村に個別避難計画の作成を申請しました」 and 「点検の日程を希望します」.
 * The subject of each link is the reminder it came with. A step reported before (from another email) is not
 * reported twice.
 */
@Factory
class FamilyReportLinks {
    static final String PLAN_APPLIED = "plan-applied";
    static final String CHECK_SCHEDULE = "check-schedule";

    @Singleton
    @Named(PLAN_APPLIED)
    LinkAction planApplied(FamilyReports reports) {
        return new ReportLink(PLAN_APPLIED, ReportKind.PLAN_APPLIED, reports);
    }

    @Singleton
    @Named(CHECK_SCHEDULE)
    LinkAction checkSchedule(FamilyReports reports) {
        return new ReportLink(CHECK_SCHEDULE, ReportKind.CHECK_SCHEDULE_REQUESTED, reports);
    }

    private record ReportLink(String name, ReportKind kind, FamilyReports reports) implements LinkAction {

        @Override
        public Page page(LinkToken token) {
            Reminder reminder = reminder(token);
            Optional<FamilyReport> earlier = reports.earlier(reminder, kind);
            if (earlier.isPresent()) {
                return Page.done("ご報告を受け付けています", List.of(alreadyReported(earlier.get())));
            }
            List<String> paragraphs = new ArrayList<>();
            if (kind == ReportKind.PLAN_APPLIED) {
                paragraphs.add("お住まいの市町村へ個別避難計画の作成を申請したことを、センターにお知らせします"
                        + "（申請の期限: " + JapaneseDates.withGregorian(reminder.dueOn()) + "）。");
                paragraphs.add("センターで確認のうえ記録します。申請がまだの場合は、押さないでください。");
            } else {
                paragraphs.add("年に1回の装置の確認（点検）について、日程のご希望をセンターにお知らせします"
                        + "（確認の時期: " + JapaneseDates.withGregorian(reminder.dueOn()) + "ごろ）。");
                paragraphs.add("ご都合のよい曜日や時間帯があれば、連絡事項にお書きください。センターから日程のご連絡をします。");
            }
            return new Page(kind.label(), paragraphs, kind == ReportKind.PLAN_APPLIED ? "申請したことを知らせる"
                    : "日程の希望を知らせる", true);
        }

        @Override
        public Page apply(LinkToken token, @Nullable String comment, Instant at) {
            Reminder reminder = reminder(token);
            Optional<FamilyReport> earlier = reports.earlier(reminder, kind);
            if (earlier.isPresent()) {
                return Page.done("ご報告を受け付けています", List.of(alreadyReported(earlier.get())));
            }
            reports.receive(reminder, kind, token.id(), comment, at);
            return Page.done("ご報告を受け付けました", List.of(
                    "「" + kind.label() + "」とのご報告を受け付けました。ありがとうございます。",
                    kind == ReportKind.PLAN_APPLIED ? "センターで確認のうえ記録します。このお手続きについてのお知らせメールは、これで止まります。"
                            : "センターから日程のご連絡をします。しばらくお待ちください。"));
        }

        private Reminder reminder(LinkToken token) {
            return reports.reportable(token.subjectId(), kind)
                    .orElseThrow(() -> new LinkRefusedException(LinkRefusal.NOT_FOUND, null));
        }

        private static String alreadyReported(FamilyReport report) {
            return "このお手続きについては、" + JapaneseDates.withGregorian(report.reportedOn())
                    + "にご報告を受け付けています。重ねてお知らせいただく必要はありません。";
        }
    }
}
