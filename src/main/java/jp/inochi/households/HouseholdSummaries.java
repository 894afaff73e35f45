package jp.inochi.households;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.inochi.access.AccessBasis;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory;
import jp.inochi.households.HouseholdRepository;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;
import jp.inochi.web.UiText;
import jp.inochi.municipalities.MunicipalityNames;

/**
 * The family behind an application, loan or list row, as the center's screens name it. One household goes through
 * {@link HouseholdDirectory#read} (scoped in SQL and audited); a list is audited once per household shown, exactly
 * like the API's lists, under the screen's own path.
 */
@Singleton
public class HouseholdSummaries {
    private final HouseholdDirectory directory;
    private final HouseholdRepository households;
    private final AuditLog auditLog;
    private final MunicipalityNames names;

    HouseholdSummaries(HouseholdDirectory directory, HouseholdRepository households, AuditLog auditLog,
                       MunicipalityNames names) {
        this.directory = directory;
        this.households = households;
        this.auditLog = auditLog;
        this.names = names;
    }

    /** A family in one line: the child's name (and kana), where they live. */
    public record Summary(long id, String childName, String childNameKana, String municipality, String address,
                          boolean ventilatorDependent, AccessBasis basis) {
        public String basisLabel() {
            return basis.label();
        }
    }

    /** One household for a detail page: 404 outside the viewer's scope, audited as read. */
    public Summary one(Viewer viewer, long householdId, String resource) {
        HouseholdDirectory.VisibleHousehold visible = directory.read(viewer, householdId, resource);
        return summary(visible.household(), visible.basis());
    }

    /** The households of a center list, audited as read (one entry each, basis センター業務). */
    public Map<Long, Summary> forCenterList(Viewer viewer, Collection<Long> householdIds, String resource) {
        if (!viewer.isCenter()) {
            throw new InochiException(ProblemType.FORBIDDEN, UiText.of("error.center-only-list"));
        }
        List<Long> ids = householdIds.stream().distinct().toList();
        Map<Long, Summary> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Household household : households.findByIdInOrderById(ids)) {
            byId.put(household.id(), summary(household, AccessBasis.CENTER));
        }
        auditLog.householdsRead(viewer, resource, byId.keySet().stream()
                .map(id -> new HouseholdAccess(id, AccessBasis.CENTER)).toList());
        return byId;
    }

    /** The household record, for a summary of one the caller has already read and audited. */
    public Household household(long id) {
        return households.findById(id).orElseThrow(() -> new jp.inochi.platform.problem.NotFoundException("世帯"));
    }

    public Summary summary(Household h, AccessBasis basis) {
        return new Summary(h.id(), h.childFamilyName() + " " + h.childGivenName(),
                h.childFamilyNameKana() + " " + h.childGivenNameKana(), names.of(h.municipalityCode(), h.wardCode()),
                h.address(), h.ventilatorDependent(), basis);
    }

    /** For rows whose household could not be named (should not happen): the number only. */
    public static Summary unknown(@Nullable Long id) {
        return new Summary(id == null ? 0 : id, "世帯 " + id, "", "—", "", false, AccessBasis.CENTER);
    }
}
