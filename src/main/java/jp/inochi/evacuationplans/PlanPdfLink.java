package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.inochi.access.Role;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.time.JapaneseDates;
import jp.inochi.reminders.links.LinkRefusal;
import jp.inochi.reminders.links.LinkRefusedException;
import jp.inochi.reminders.links.LinkSettings;
import jp.inochi.reminders.links.LinkToken;
import jp.inochi.reminders.links.SignedLinks;
import jp.inochi.reminders.model.ReminderPolicy;

/**
 * The family's signed link to their printed plan (not an attachment): one purpose, valid as long as the email links
 * of {@code schedules/reminders.yml} ({@code links.valid-days}), opened without signing in as often as needed until
 * it expires. Making one is audited as a change, opening one as an export.
 */
@Singleton
public class PlanPdfLink {
    public static final String ACTION = "evacuation-plan-pdf";
    /** Who reads the plan when the family opens it: nobody signed in, so the link itself is the right to it. */
    static final Viewer FAMILY_LINK = new Viewer(0, "family-link", "ご家族（署名付きリンク）", Role.CENTER_STAFF, null, null, null);

    private final SignedLinks links;
    private final LinkSettings settings;
    private final ReminderPolicy policy;
    private final EvacuationPlans plans;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanPdfLink(SignedLinks links, LinkSettings settings, ReminderPolicy policy, EvacuationPlans plans, AuditLog auditLog,
                Clock clock) {
        this.links = links;
        this.settings = settings;
        this.policy = policy;
        this.plans = plans;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A new link for the household's plan, for a viewer who may see it; {@code expires} for the message. */
    @io.micronaut.serde.annotation.Serdeable
    public record FamilyLink(String url, Instant expiresAt, String expiresLabel) {
    }

    public FamilyLink issue(Viewer viewer, long householdId, String resource) {
        plans.visible(viewer, householdId);
        FamilyLink link = make(householdId);
        auditLog.changed(viewer, AuditAction.CREATE, resource, "evacuation_plan_link", householdId, householdId,
                "ご家族向けの個別避難計画PDFのリンク（" + link.expiresLabel() + "まで）");
        return link;
    }

    /** A link made now for the household (the caller has checked who asked and audits it). */
    FamilyLink make(long householdId) {
        Instant expires = clock.instant().plus(Duration.ofDays(policy.linkValidDays()));
        String url = settings.baseUrl().replaceAll("/+$", "") + FamilyPlanPdfController.PATH + "/"
                + links.token(ACTION, householdId, expires) + ".pdf";
        return new FamilyLink(url, expires, JapaneseDates.withGregorianAndTime(expires));
    }

    /** The household the token opens, if it is genuine, unexpired and made for this purpose. */
    long householdOf(String token) {
        LinkToken parsed = links.verify(token);
        if (!ACTION.equals(parsed.action())) {
            throw new LinkRefusedException(LinkRefusal.FORGED, null);
        }
        return parsed.subjectId();
    }
}
