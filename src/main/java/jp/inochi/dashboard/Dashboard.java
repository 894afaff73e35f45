package jp.inochi.dashboard;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.inochi.applications.ProgramApplications;
import jp.inochi.loans.DueObligation;
import jp.inochi.loans.LoanApplications;
import jp.inochi.loans.LoanWorkList;
import jp.inochi.loans.Loans;
import jp.inochi.loans.model.LoanApplicationState;
import jp.inochi.loans.model.LoanState;
import jp.inochi.loans.model.Obligation;
import jp.inochi.reminders.FamilyReports;
import jp.inochi.reminders.model.ReportState;
import jp.inochi.reminders.outbox.MessageState;
import jp.inochi.reminders.outbox.Outbox;

/**
 * The center's counts, each linking to the list behind it. Counts carry no personal data; the lists they open
 * are household reads and are audited there.
 */
@Singleton
public class Dashboard {
    /** Loan applications still needing a step from the center before the handover. */
    public static final Set<LoanApplicationState> LOAN_APPLICATIONS_WAITING = EnumSet.of(LoanApplicationState.RECEIVED,
            LoanApplicationState.UNDER_REVIEW, LoanApplicationState.INFORMATION_REQUESTED, LoanApplicationState.APPROVED,
            LoanApplicationState.DEVICE_ASSIGNED);
    public static final int PLAN_WINDOW_DAYS = 30;
    public static final int CHECK_WINDOW_DAYS = 30;
    public static final int END_WINDOW_DAYS = 90;

    private final ProgramApplications programs;
    private final LoanApplications loanApplications;
    private final Loans loans;
    private final LoanWorkList workList;
    private final Outbox outbox;
    private final FamilyReports reports;

    Dashboard(ProgramApplications programs, LoanApplications loanApplications, Loans loans, LoanWorkList workList,
              Outbox outbox, FamilyReports reports) {
        this.programs = programs;
        this.loanApplications = loanApplications;
        this.loans = loans;
        this.workList = workList;
        this.outbox = outbox;
        this.reports = reports;
    }

    /** One count on the dashboard: the number, what it counts, a note, where its list is, whether it needs attention. */
    public record Card(String id, long count, String label, String note, String href, boolean alert) {
    }

    public List<Card> cards() {
        List<Card> cards = new ArrayList<>();
        long programWaiting = programs.list(null, null).stream().filter(a -> a.state().isOpen()).count();
        long loanWaiting = loanApplications.list(null, null).stream()
                .filter(a -> LOAN_APPLICATIONS_WAITING.contains(a.state())).count();
        cards.add(new Card("applications-waiting", programWaiting + loanWaiting, "対応待ちの申請",
                "事業利用申請 " + programWaiting + "件・貸与申請 " + loanWaiting + "件", "/applications?view=waiting", false));
        cards.add(new Card("loans-active", loans.list(LoanState.ACTIVE, null).size(), "貸与中",
                "返還手続に入っていない貸与", "/loans?state=ACTIVE", false));
        cards.add(obligation("plans-due", Obligation.EVACUATION_PLAN_APPLICATION, PLAN_WINDOW_DAYS,
                "個別避難計画の申請期限", "30日以内・期限切れ"));
        cards.add(obligation("checks-due", Obligation.YEARLY_CHECK, CHECK_WINDOW_DAYS, "年次確認", "30日以内・期限切れ"));
        cards.add(obligation("loans-ending", Obligation.LOAN_TERM_END, END_WINDOW_DAYS, "90日以内に貸与期間満了",
                "5年の満了日が近い貸与"));
        long returns = loans.list(LoanState.RETURN_OPEN, null).size() + loans.list(LoanState.DEVICE_RECEIVED, null).size();
        cards.add(new Card("returns-open", returns, "返還手続中", "装置の受領・点検待ちを含む", "/loans?state=RETURNS", false));
        long failed = outbox.counts().of(MessageState.FAILED);
        cards.add(new Card("reminders-failed", failed, "送信に失敗したお知らせ", "再試行を終えたメール（再送できます）",
                "/reminders?tab=outbox&state=FAILED", failed > 0));
        long reported = reports.search(ReportState.RECEIVED, null, 0, 500).size();
        cards.add(new Card("family-reports", reported, "ご家族からの報告", "メールのリンクからの報告（確認待ち）",
                "/reminders?tab=reports", reported > 0));
        return cards;
    }

    private Card obligation(String id, Obligation obligation, int days, String label, String window) {
        List<DueObligation> due = workList.dueWithin(days, EnumSet.of(obligation));
        long overdue = due.stream().filter(DueObligation::overdue).count();
        String note = window + (overdue > 0 ? "（うち期限切れ " + overdue + "件）" : "");
        return new Card(id, due.size(), label, note, "/work-list?obligation=" + obligation.name() + "&withinDays=" + days,
                overdue > 0);
    }
}
