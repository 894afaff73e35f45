package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.evacuationplans.model.EvacuationPlan;
import jp.inochi.evacuationplans.model.PlanReview;
import jp.inochi.evacuationplans.model.PlanRules;
import jp.inochi.evacuationplans.model.PlanState;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.households.HouseholdDirectory.VisibleHousehold;
import jp.inochi.platform.problem.NotFoundException;
import jp.inochi.platform.time.JapanTime;

/**
 * Loads a household's plan for a person who may see the household: the current version, or before any is saved the
 * draft prefilled from Inochi (marked unsaved). Outside the viewer's scope the household is not found (404); every
 * read is audited.
 */
@Singleton
public class EvacuationPlans {
    private final HouseholdDirectory directory;
    private final PlanStore store;
    private final PlanJson json;
    private final PlanDrafts drafts;
    private final HomeContexts homes;
    private final ShelterZoneCheck zones;
    private final PlanStatusLinks statuses;
    private final AuditLog auditLog;

    EvacuationPlans(HouseholdDirectory directory, PlanStore store, PlanJson json, PlanDrafts drafts, HomeContexts homes,
                    ShelterZoneCheck zones, PlanStatusLinks statuses, AuditLog auditLog) {
        this.directory = directory;
        this.store = store;
        this.json = json;
        this.drafts = drafts;
        this.homes = homes;
        this.zones = zones;
        this.statuses = statuses;
        this.auditLog = auditLog;
    }

    /** The current version, or the prefilled draft; {@code resource} names the route or page in the audit log. */
    public PlanDocument load(Viewer viewer, long householdId, String resource) {
        VisibleHousehold visible = visible(viewer, householdId);
        PlanDocument document = document(viewer, visible, resource);
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return document;
    }

    /** Every saved version, newest first, the current one marked. */
    public List<PlanVersion> versions(Viewer viewer, long householdId, String resource) {
        VisibleHousehold visible = visible(viewer, householdId);
        List<PlanVersion> versions = store.versions(householdId);
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return versions;
    }

    /** The prefilled draft even when a version is saved: what Inochi would fill in today (for a fresh start). */
    public PrefilledDraft prefill(Viewer viewer, long householdId, String resource) {
        VisibleHousehold visible = visible(viewer, householdId);
        PrefilledDraft draft = drafts.draft(viewer, visible, homes.of(viewer, householdId, resource));
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return draft;
    }

    VisibleHousehold visible(Viewer viewer, long householdId) {
        return directory.find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
    }

    /** Without auditing: the caller audits the read or the change it belongs to. */
    PlanDocument document(Viewer viewer, VisibleHousehold visible, String resource) {
        long householdId = visible.household().id();
        HomeContext home = homes.of(viewer, householdId, resource);
        Optional<PlanStore.Stored> current = store.current(householdId);
        if (current.isEmpty()) {
            PrefilledDraft draft = drafts.draft(viewer, visible, home);
            return new PlanDocument(householdId, false, PlanState.UNSAVED, PlanState.UNSAVED.label(), null, null, null,
                    false, null, List.of(), null, draft.plan(), draft.prefilled(), PlanRules.check(draft.plan(), zones), home,
                    statuses.of(householdId));
        }
        PlanVersion version = current.get().version();
        EvacuationPlan plan = json.read(current.get().content());
        List<ReviewNote> reviews = store.openReviews(householdId);
        LocalDate savedOn = version.savedAt().atZone(JapanTime.ZONE).toLocalDate();
        return new PlanDocument(householdId, true, version.state(), version.stateLabel(), version.version(),
                version.savedAt(), version.savedByName(), !reviews.isEmpty(),
                reviews.isEmpty() ? null : PlanDocument.REVIEW_NEEDED, reviews, PlanReview.nextDue(savedOn), plan,
                version.prefilled(), PlanRules.check(plan, zones), home, statuses.of(householdId));
    }
}
