package jp.inochi.evacuationplans.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bounds on every string and list of a plan, so hostile input is refused (400, nothing written) with the field named.
 * The model stays plain Java (no {@code @Size}); the record components are walked so a new field is bounded too.
 */
public final class PlanLimits {
    public static final int SHORT_TEXT = 200;
    public static final int LONG_TEXT = 2000;
    public static final int MAX_ITEMS = 50;
    /** Free-text fields written in sentences: care needs, roles, when to leave, what to take, notes. */
    private static final Set<String> LONG_FIELDS = Set.of("careNeeds", "role", "whenToLeave", "whenItRunsOut",
            "medicines", "consumables", "ordinanceNote", "place", "equipment", "chargingPlaces");

    private PlanLimits() {
    }

    /** A finding per string or list over its bound, at its path (e.g. {@code supporters[0].name}). */
    public static List<PlanFinding> check(EvacuationPlan plan) {
        List<PlanFinding> findings = new ArrayList<>();
        walk(plan, "", findings);
        return findings;
    }

    private static void walk(Object value, String path, List<PlanFinding> findings) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String at = path.isEmpty() ? component.getName() : path + "." + component.getName();
            int maxLength = LONG_FIELDS.contains(component.getName()) ? LONG_TEXT : SHORT_TEXT;
            if (field instanceof String text) {
                tooLong(text, at, maxLength, findings);
            } else if (field instanceof List<?> items) {
                if (items.size() > MAX_ITEMS) {
                    findings.add(refused(at, MAX_ITEMS + "件までにしてください（" + items.size() + "件あります）"));
                }
                for (int i = 0; i < Math.min(items.size(), MAX_ITEMS); i++) {
                    if (items.get(i) instanceof String text) {
                        tooLong(text, at + "[" + i + "]", maxLength, findings);
                    } else {
                        walk(items.get(i), at + "[" + i + "]", findings);
                    }
                }
            } else {
                walk(field, at, findings);
            }
        }
    }

    private static void tooLong(String text, String at, int maxLength, List<PlanFinding> findings) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            findings.add(refused(at, maxLength + "文字以内で入力してください（" + length + "文字あります）"));
        }
    }

    /** 「避難の方法の持ち出す物」は50件までにしてください（51件あります）. */
    private static PlanFinding refused(String field, String bound) {
        return new PlanFinding("tooLong", PlanFinding.Level.ERROR, field, "「" + PlanFieldLabels.of(field) + "」は" + bound);
    }
}
