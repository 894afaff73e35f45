package jp.inochi.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.loans.TermsAcceptance;
import jp.inochi.loans.TermsAcceptances;
import jp.inochi.loans.model.TermsOfLoan;
import jp.inochi.reminders.links.LinkAction;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkToken;

/**
 * The link of the terms email: the family reads the two terms (seed 000, line 538), writes the name of the person
 * agreeing, and agrees; the request is then accepted as if staff had recorded it, on that day. A request accepted
 * or replaced by a newer one meanwhile says so and records nothing.
 */
@Singleton
@Named(LoanTermsLink.ACCEPT)
class LoanTermsLink implements LinkAction {
    static final String ACCEPT = "loan-terms-accept";

    private final TransactionOperations<Connection> transactions;
    private final TermsAcceptances termsAcceptances;
    private final AuditLog auditLog;
    private final CenterContact center;

    LoanTermsLink(TransactionOperations<Connection> transactions, TermsAcceptances termsAcceptances, AuditLog auditLog,
                  CenterContact center) {
        this.transactions = transactions;
        this.termsAcceptances = termsAcceptances;
        this.auditLog = auditLog;
        this.center = center;
    }

    @Override
    public String name() {
        return ACCEPT;
    }

    @Override
    public Page page(LinkToken token) {
        LoanTermsMail.Request request = transactions.executeRead(status -> request(status.getConnection(), token));
        if (!request.waiting()) {
            return notWaiting(request);
        }
        return Page.asking("非常用電源装置の貸与条件のご確認", List.of(
                request.childGivenName() + "さんへの非常用電源装置（発電機）の貸与にあたり、次の2点に同意をお願いします。",
                "1. " + TermsOfLoan.RUNNING_COSTS,
                "2. " + TermsOfLoan.REPAIR_LIABILITY,
                "同意いただける場合は、同意される方のお名前を書いて、ボタンを押してください。"
                        + "ご不明な点があれば、押す前に " + center.name() + "（電話 " + center.phone() + "）へお問い合わせください。"),
                "上の2点に同意する", "同意される方のお名前");
    }

    @Override
    public Page apply(LinkToken token, @Nullable String comment, Instant at) {
        LoanTermsMail.Request request;
        try {
            request = request(transactions.getConnection(), token);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read terms request " + token.subjectId(), e);
        }
        if (!request.waiting()) {
            return notWaiting(request);
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("The page requires the name of the person agreeing");
        }
        TermsAcceptance accepted = termsAcceptances.acceptTermsByLink(request.loanId(), request.id(), comment.strip());
        auditLog.system(AuditAction.UPDATE, "/family/links", "terms_acceptance", accepted.id(), request.householdId(),
                "貸与条件への同意（メールのリンク）: terms " + accepted.termsVersion());
        return Page.done("同意を受け付けました", List.of(
                comment.strip() + "様、貸与条件への同意を受け付けました。ありがとうございます。",
                "ご不明な点は " + center.name() + "（電話 " + center.phone() + "）へお問い合わせください。"));
    }

    private Page notWaiting(LoanTermsMail.Request request) {
        String why = switch (request.state()) {
            case ACCEPTED -> "この貸与条件には、すでに同意を受け付けています。";
            case SUPERSEDED -> "このご案内は、新しいご案内に置き換えられました。新しいメールのリンクからお手続きください。";
            case SENT -> "この貸与は終了しています。";
        };
        return Page.done("お手続きは不要です", List.of(why, "ご不明な点は " + center.name() + "（電話 " + center.phone()
                + "）へお問い合わせください。"));
    }

    private static LoanTermsMail.Request request(Connection connection, LinkToken token) throws SQLException {
        LoanTermsMail.Request request = LoanTermsMail.request(connection, token.subjectId());
        if (request == null) {
            throw new LinkRefusedException(LinkRefusal.NOT_FOUND, null);
        }
        return request;
    }
}
