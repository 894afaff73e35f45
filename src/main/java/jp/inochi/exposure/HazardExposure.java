package jp.inochi.exposure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.hazards.model.Legend;

/**
 * A household's exposure to one hazard type, as shown to people. {@code status} is IN_ZONE, NEAR (within the
 * distance of a landslide zone), NOT_DESIGNATED (指定なし: outside every mapped zone, which does not mean safe) or
 * NOT_EVALUATED (データなし: no layer of this type has been imported).
 */
@Serdeable
public record HazardExposure(HazardType hazardType, String hazardLabel, String status, String statusLabel,
                             @Nullable Integer severity, int maxSeverity, String label, @Nullable String phenomenon,
                             @Nullable Double distanceM, @Nullable String colour, @Nullable Long layerId,
                             @Nullable String layerName, @Nullable Long layerVersionId, @Nullable Integer versionNo,
                             @Nullable Instant evaluatedAt) {

    public static final String NOT_DESIGNATED = "指定なし";
    public static final String NOT_EVALUATED = "データなし";
    /** Shown wherever 指定なし is shown (domain.md: "Outside a zone does not mean safe"). */
    public static final String NOTICE = "「指定なし」はハザードマップの区域に入っていないという意味で、安全という意味ではありません。"
            + "区域図の範囲外や、想定されていない災害もあります。";

    public static final String PENDING = "未評価";

    /** No layer of the type (データなし), or a layer but this home not evaluated yet (未評価: no location, or just added). */
    static HazardExposure notEvaluated(HazardType type, boolean layerExists) {
        String label = layerExists ? PENDING : NOT_EVALUATED;
        return new HazardExposure(type, type.label(), "NOT_EVALUATED", label, null, type.maxSeverity(),
                label, null, null, null, null, null, null, null, null);
    }

    static HazardExposure of(HazardType type, String status, Integer severity, String label, String phenomenon,
                             Double distance, Long layerId, String layerName, Long versionId, Integer versionNo,
                             Instant evaluatedAt, Integer zoneSeverity) {
        String statusLabel = switch (status) {
            case "IN_ZONE" -> "区域内";
            case "NEAR" -> "区域の近く（" + Math.round(distance) + "m）";
            default -> NOT_DESIGNATED;
        };
        String colour = zoneSeverity == null ? null : Legend.colour(type, zoneSeverity);
        return new HazardExposure(type, type.label(), status, statusLabel, severity, type.maxSeverity(),
                status.equals("NOT_DESIGNATED") ? NOT_DESIGNATED : label, phenomenon, distance, colour, layerId, layerName,
                versionId, versionNo, evaluatedAt);
    }

    /** One cell of a list: 「3.0m以上5.0m未満」, 「土砂災害特別警戒区域（レッド）・急傾斜地の崩壊」, 「近接: … まで 32m」, 「指定なし」. */
    public String text() {
        return switch (status) {
            case "IN_ZONE" -> label + (phenomenon == null ? "" : "・" + phenomenon);
            case "NEAR" -> "近接: " + label + (phenomenon == null ? "" : "・" + phenomenon) + " まで " + Math.round(distanceM) + "m";
            default -> label;
        };
    }
}
