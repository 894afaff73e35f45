package jp.inochi.consultations;

import jakarta.inject.Singleton;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.search.SearchQuery;
import jp.inochi.web.Pager;

/**
 * Reads consultations for center staff, each read audited like a household's (one entry per record shown): a
 * consultation holds the family's health and circumstances before any household exists.
 */
@Singleton
public class ConsultationReads {
    private final ConsultationRepository consultations;
    private final AuditLog auditLog;

    ConsultationReads(ConsultationRepository consultations, AuditLog auditLog) {
        this.consultations = consultations;
        this.auditLog = auditLog;
    }

    /** One page of the consultations found, newest first. */
    public record Found(List<Consultation> rows, Pager pager) {
    }

    public Found page(Viewer viewer, String resource, String path, SearchQuery query, Integer requested) {
        long total = consultations.countMatching(query.text(), query.phoneDigits(), query.number());
        Pager pager = Pager.of(path, requested, total, "q", query.typed());
        List<Consultation> rows = consultations.findPage(query.text(), query.phoneDigits(), query.number(),
                pager.limit(), pager.offset());
        rows.forEach(c -> auditRead(viewer, resource, c));
        return new Found(rows, pager);
    }

    public Consultation get(Viewer viewer, String resource, long id) {
        Consultation found = consultations.findById(id).orElseThrow(() -> new NotFoundException("相談記録"));
        auditRead(viewer, resource, found);
        return found;
    }

    /** The household page's consultations (the page itself is already audited as a read of the household). */
    public List<Consultation> ofHousehold(long householdId) {
        return consultations.findByHouseholdIdOrderByConsultedOnDesc(householdId);
    }

    private void auditRead(Viewer viewer, String resource, Consultation c) {
        auditLog.changed(viewer, AuditAction.READ, resource, Consultations.SUBJECT, c.id(), c.householdId(), null);
    }
}
