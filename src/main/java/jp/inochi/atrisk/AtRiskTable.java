package jp.inochi.atrisk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.xlsx.XlsxColumn;

/**
 * The at-risk list as a table, one typed row per household: the same columns and values for the CSV and the .xlsx
 * (ids and coordinates as numbers, the plan deadline as a date, the evaluation time as a moment).
 */
final class AtRiskTable {
    static final List<XlsxColumn> COLUMNS = columns();

    private AtRiskTable() {
    }

    private static List<XlsxColumn> columns() {
        List<XlsxColumn> columns = new ArrayList<>(List.of(XlsxColumn.integer("世帯ID"), XlsxColumn.text("閲覧の根拠"),
                XlsxColumn.text("児童氏名"), XlsxColumn.text("児童氏名（カナ）"), XlsxColumn.text("住所"),
                XlsxColumn.text("市町村コード"), XlsxColumn.text("区コード"), XlsxColumn.text("人工呼吸器"),
                XlsxColumn.text("個別避難計画"), XlsxColumn.date("計画の申請期限")));
        for (HazardType type : HazardType.values()) {
            columns.add(XlsxColumn.text(type.label()));
        }
        columns.addAll(List.of(XlsxColumn.text("位置の市町村コード"), XlsxColumn.text("届出と位置の不一致"),
                XlsxColumn.number("経度", "0.000000"), XlsxColumn.number("緯度", "0.000000"), XlsxColumn.dateTime("評価日時")));
        return List.copyOf(columns);
    }

    static List<String> headers() {
        return COLUMNS.stream().map(XlsxColumn::header).toList();
    }

    /** The household's cells; 未評価 stands in the 評価日時 column until an exposure has been evaluated. */
    static List<Object> cells(AtRiskHousehold household) {
        List<Object> cells = new ArrayList<>();
        cells.add(household.id());
        cells.add(basis(household));
        cells.add(household.childName());
        cells.add(household.childNameKana());
        cells.add(household.address());
        cells.add(household.municipalityCode());
        cells.add(household.wardCode());
        cells.add(household.ventilatorDependent() ? "あり" : "なし");
        cells.add(household.evacuationPlanStatus().label());
        cells.add(household.evacuationPlanStatus().deadline());
        for (HazardExposure exposure : household.exposures()) {
            cells.add(exposure.text());
        }
        cells.add(household.place() == null ? "未判定" : Objects.toString(
                household.place().locatedWardCode() != null ? household.place().locatedWardCode()
                        : household.place().locatedMunicipalityCode(), "区域外"));
        cells.add(household.place() == null ? "未判定" : household.place().mismatch() ? household.place().mismatchLabel() : "なし");
        cells.add(coordinate(household.longitude()));
        cells.add(coordinate(household.latitude()));
        cells.add(household.exposures().stream().map(HazardExposure::evaluatedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).map(Object.class::cast).orElse(HazardExposure.PENDING));
        return cells;
    }

    private static BigDecimal coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }

    private static String basis(AtRiskHousehold household) {
        return switch (household.basis()) {
            case CENTER -> "センター";
            case CONSENT -> "同意";
            case DECLARATION -> "災害時の宣言";
            case SYSTEM -> "システム";
        };
    }
}
