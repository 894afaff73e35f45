package jp.inochi.evacuationplans.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 14 (bad input): every string and list of a plan is bounded, and the refusal names the field in Japanese. */
class PlanLimitsTest {
    private static final String TOO_LONG = "あ".repeat(PlanLimits.LONG_TEXT + 1);

    @Test
    void everyStringAndListOfAPlanIsBoundedAndNamedInJapanese() throws Exception {
        List<String> expected = new ArrayList<>();
        EvacuationPlan hostile = (EvacuationPlan) hostile(EvacuationPlan.class, "", expected);
        Set<String> refused = PlanLimits.check(hostile).stream().map(PlanFinding::field).collect(Collectors.toSet());
        for (String field : expected) {
            assertTrue(refused.contains(field), field + " is not bounded");
            assertFalse(PlanFieldLabels.of(field).matches(".*[A-Za-z].*"), field + " has no Japanese name: " + PlanFieldLabels.of(field));
        }
        assertTrue(expected.contains("supporters[0].name") && expected.contains("power.devices[0].name")
                && expected.contains("sharing.with"), expected.toString());
    }

    @Test
    void theRefusalNamesTheFieldAndTheBound() {
        EvacuationPlan plan = new EvacuationPlan(null, List.of(new EvacuationPlan.Supporter("あ".repeat(201),
                SupporterRelation.NEIGHBOUR, "0966-22-0000", null, true, false, false, true)), null,
                new EvacuationPlan.Transport(null, Collections.nCopies(51, "吸引器"), null, null), null, null, null, null);
        List<String> messages = PlanLimits.check(plan).stream().map(PlanFinding::message).toList();
        assertEquals(List.of("「避難支援等実施者（1件目）の名前」は200文字以内で入力してください（201文字あります）",
                "「避難の方法の持ち出す物」は50件までにしてください（51件あります）"), messages);
        assertTrue(PlanLimits.check(plan).stream().allMatch(finding -> finding.level() == PlanFinding.Level.ERROR));
    }

    @Test
    void aPlanAtItsBoundsIsAcceptedCountingCharactersNotCodeUnits() {
        EvacuationPlan plan = new EvacuationPlan(new EvacuationPlan.Person("😀".repeat(PlanLimits.SHORT_TEXT), null, null,
                null, Collections.nCopies(PlanLimits.MAX_ITEMS, "090-0000-0000"), "あ".repeat(PlanLimits.LONG_TEXT)),
                null, null, null, null, null, null, null);
        assertEquals(List.of(), PlanLimits.check(plan));
    }

    /** A plan with every string over the longest bound and every list one item too long; {@code expected} gets each path. */
    private static Object hostile(Type type, String path, List<String> expected) throws Exception {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            expected.add(path);
            return TOO_LONG;
        }
        if (raw == List.class) {
            expected.add(path);
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (int i = 0; i <= PlanLimits.MAX_ITEMS; i++) {
                items.add(hostile(item, path + "[" + i + "]", i == 0 ? expected : new ArrayList<>()));
            }
            return items;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == boolean.class) {
            return false;
        }
        if (!raw.isRecord()) {
            return null;
        }
        RecordComponent[] components = raw.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String at = path.isEmpty() ? components[i].getName() : path + "." + components[i].getName();
            values[i] = hostile(components[i].getGenericType(), at, expected);
            types[i] = components[i].getType();
        }
        return raw.getDeclaredConstructor(types).newInstance(values);
    }
}
