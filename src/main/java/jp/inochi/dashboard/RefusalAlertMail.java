package jp.inochi.dashboard;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.CenterContact;
import jp.inochi.reminders.links.LinkSettings;
import jp.inochi.reminders.outbox.ComposedEmail;
import jp.inochi.reminders.outbox.Composition;
import jp.inochi.reminders.outbox.MailTemplates;
import jp.inochi.reminders.outbox.MessageKind;
import jp.inochi.reminders.outbox.OutboxMessage;

/**
 * The refusal alert's email ({@code mail/dashboard/refusal-alert.txt|html}) to the center's staff-alert address: who
 * was refused, how many times in the hour, since when, and a link to the audit page filtered to them (sign-in needed:
 * the email itself names only the user, never a household).
 */
@Singleton
class RefusalAlertMail implements MessageKind<Void> {
    static final String KIND = "audit.refusal-alert";

    private final RefusalAlerts alerts;
    private final MailTemplates templates;
    private final CenterContact center;
    private final LinkSettings links;
    private final RefusalAlertSettings settings;

    RefusalAlertMail(RefusalAlerts alerts, MailTemplates templates, CenterContact center, LinkSettings links,
                     RefusalAlertSettings settings) {
        this.alerts = alerts;
        this.templates = templates;
        this.center = center;
        this.links = links;
        this.settings = settings;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public String label() {
        return "拒否が続いた利用者の通知";
    }

    @Override
    public Composition<Void> compose(OutboxMessage message) {
        Optional<RefusalAlerts.Alert> found = message.referenceId() == null ? Optional.empty()
                : alerts.find(message.referenceId());
        if (found.isEmpty()) {
            return Composition.nothingToSend("拒否の警告が見つかりません", null);
        }
        RefusalAlerts.Alert alert = found.get();
        Map<String, Object> model = new HashMap<>();
        model.put("alert", alert);
        model.put("since", JapaneseDates.withGregorianAndTime(alert.since()));
        model.put("raisedAt", JapaneseDates.withGregorianAndTime(alert.raisedAt()));
        model.put("threshold", settings.threshold());
        model.put("link", links.baseUrl().replaceAll("/+$", "") + alert.auditHref());
        model.put("center", center);
        MailTemplates.Rendered rendered = templates.render("dashboard/refusal-alert", model);
        String subject = "【" + center.name() + "】要確認：" + alert.displayName() + "（" + alert.username() + "）への拒否が1時間に"
                + alert.refusals() + "回";
        return Composition.send(new ComposedEmail(center.staffAlertsTo(), subject, rendered.text(), rendered.html()), null);
    }
}
