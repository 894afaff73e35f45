package jp.inochi.inspections;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.inochi.access.Viewer;
import jp.inochi.inspections.model.InspectionOutcome;
import jp.inochi.web.Form;
import jp.inochi.web.PageSection;

/** The loan page's yearly checks, each with its photos and photo form, and the outcomes a new check may have. */
@Singleton
final class LoanInspectionsSection implements PageSection {
    private final Inspections inspections;

    LoanInspectionsSection(Inspections inspections) {
        this.inspections = inspections;
    }

    record InspectionView(Inspection inspection, List<InspectionPhoto> photos, Form photoForm) {
    }

    record Choice(String value, String label) {
    }

    @Override
    public String page() {
        return LOAN_PAGE;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, long loanId, Form form) {
        List<InspectionView> checks = new ArrayList<>();
        for (Inspection inspection : inspections.list(loanId)) {
            String photoForm = "photo-" + inspection.id();
            checks.add(new InspectionView(inspection, inspections.photos(inspection.id()),
                    form.is(photoForm) ? form : Form.blank(photoForm)));
        }
        model.put("inspections", checks);
        model.put("outcomes", Arrays.stream(InspectionOutcome.values()).map(o -> new Choice(o.name(), o.label())).toList());
    }
}
