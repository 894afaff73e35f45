package jp.inochi.evacuationplans.model;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Japanese name of a plan field for messages: {@code supporters[0].name} is 「避難支援等実施者（1件目）の名前」. */
public final class PlanFieldLabels {
    /** Every record component of a plan that holds text or a list, or is a section; PlanLimitsTest checks it. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("person", "本人"), Map.entry("supporters", "避難支援等実施者"), Map.entry("destinations", "避難先"),
            Map.entry("transport", "避難の方法"), Map.entry("power", "電源"), Map.entry("supplies", "水と物資"),
            Map.entry("contacts", "連絡先"), Map.entry("sharing", "情報共有の同意"),
            Map.entry("name", "名前"), Map.entry("nameKana", "ふりがな"), Map.entry("address", "住所"),
            Map.entry("phones", "電話番号"), Map.entry("careNeeds", "必要な配慮"), Map.entry("phone", "電話番号"),
            Map.entry("role", "支援の内容"), Map.entry("place", "場所"), Map.entry("whenToLeave", "避難を始めるとき"),
            Map.entry("equipment", "持ち出す物"), Map.entry("driver", "運転する人"), Map.entry("devices", "医療機器"),
            Map.entry("generator", "発電機"), Map.entry("chargingPlaces", "充電できる場所"),
            Map.entry("whenItRunsOut", "電源が尽きたときの対応"), Map.entry("medicines", "薬"), Map.entry("consumables", "消耗品"),
            Map.entry("doctor", "主治医"), Map.entry("hospital", "病院"), Map.entry("hospitalPhone", "病院の電話番号"),
            Map.entry("visitingNurse", "訪問看護ステーション"), Map.entry("visitingNursePhone", "訪問看護ステーションの電話番号"),
            Map.entry("supplierLine", "業者の24時間窓口"), Map.entry("coordinator", "コーディネーター"),
            Map.entry("coordinatorPhone", "コーディネーターの電話番号"), Map.entry("with", "共有先"),
            Map.entry("agreedBy", "同意した人"), Map.entry("ordinanceNote", "条例についての注記"));
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private PlanFieldLabels() {
    }

    public static String of(String path) {
        StringBuilder label = new StringBuilder();
        for (String step : path.split("\\.")) {
            Matcher matcher = STEP.matcher(step);
            if (!matcher.matches()) {
                return path;
            }
            label.append(label.length() == 0 ? "" : "の").append(LABELS.getOrDefault(matcher.group(1), matcher.group(1)));
            if (matcher.group(2) != null) {
                label.append("（").append(Integer.parseInt(matcher.group(2)) + 1).append("件目）");
            }
        }
        return label.toString();
    }
}
