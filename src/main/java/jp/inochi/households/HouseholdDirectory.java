package jp.inochi.households;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.platform.problem.NotFoundException;

/**
 * Reads a household for a person: scoped by their rights in SQL, and written to the audit log.
 * Outside the scope a household is "not found" (404), so its existence does not leak.
 */
@Singleton
public class HouseholdDirectory {
    private final HouseholdRepository households;
    private final GuardianRepository guardians;
    private final AuditLog auditLog;
    private final Clock clock;

    HouseholdDirectory(HouseholdRepository households, GuardianRepository guardians, AuditLog auditLog, Clock clock) {
        this.households = households;
        this.guardians = guardians;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A household with its guardians, and the basis on which the viewer sees it. */
    public record VisibleHousehold(Household household, List<Guardian> guardians, AccessBasis basis) {
    }

    /** The household if the viewer may see it; the read is audited under {@code resource}. */
    public VisibleHousehold read(Viewer viewer, long householdId, String resource) {
        VisibleHousehold visible = find(viewer, householdId).orElseThrow(() -> new NotFoundException("世帯"));
        auditLog.householdsRead(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return visible;
    }

    /** Without auditing: for callers that audit a larger read themselves. */
    public Optional<VisibleHousehold> find(Viewer viewer, long householdId) {
        return households.findAccessBasis(householdId, viewer.scope(clock))
                .map(AccessBasis::valueOf)
                .flatMap(basis -> households.findById(householdId)
                        .map(household -> new VisibleHousehold(household,
                                guardians.findByHouseholdIdOrderByPosition(householdId), basis)));
    }
}
