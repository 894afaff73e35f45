package jp.inochi.evacuationplans;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import jp.inochi.access.Viewer;
import jp.inochi.audit.AuditAction;
import jp.inochi.audit.AuditLog;
import jp.inochi.audit.HouseholdAccess;
import jp.inochi.evacuationplans.print.PlanPdf;
import jp.inochi.evacuationplans.print.PrintablePlan;
import jp.inochi.households.Household;
import jp.inochi.households.HouseholdDirectory.VisibleHousehold;
import jp.inochi.municipalities.MunicipalityNames;
import jp.inochi.platform.time.JapanTime;

/**
 * Prints a household's plan as a PDF: for staff and officers who may see the household (audited as an export), and
 * for the family through a signed link (audited by the system). Before any version is saved it is the prefilled
 * draft as a form to fill in by hand.
 */
@Singleton
public class PlanPrinting {
    private final EvacuationPlans plans;
    private final PlanPrintout printout;
    private final PlanPdf pdf;
    private final MunicipalityNames municipalities;
    private final AuditLog auditLog;
    private final Clock clock;

    PlanPrinting(EvacuationPlans plans, PlanPrintout printout, PlanPdf pdf, MunicipalityNames municipalities,
                 AuditLog auditLog, Clock clock) {
        this.plans = plans;
        this.printout = printout;
        this.pdf = pdf;
        this.municipalities = municipalities;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The printed plan and its file name. */
    public record Printed(byte[] bytes, String fileName) {
    }

    public Printed print(Viewer viewer, long householdId, String resource) {
        VisibleHousehold visible = plans.visible(viewer, householdId);
        Printed printed = render(visible.household(), plans.document(viewer, visible, resource));
        auditLog.householdsExported(viewer, resource, List.of(new HouseholdAccess(householdId, visible.basis())));
        return printed;
    }

    /** For the family's signed link: the caller has checked the link, and this records the print as the system's. */
    Printed printForFamily(Viewer system, long householdId, String resource) {
        VisibleHousehold visible = plans.visible(system, householdId);
        Printed printed = render(visible.household(), plans.document(system, visible, resource));
        auditLog.system(AuditAction.EXPORT, resource, "evacuation_plan", householdId, householdId,
                "家族向けの署名付きリンクで個別避難計画のPDFを開きました");
        return printed;
    }

    private Printed render(Household household, PlanDocument document) {
        String label = municipalities.of(household.municipalityCode()) + "　" + household.address();
        PrintablePlan printable = printout.of(document, label, household.municipalityCode(), JapanTime.today(clock));
        return new Printed(pdf.render(printable), PlanPdf.fileName(printable));
    }
}
