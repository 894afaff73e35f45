package jp.inochi.atrisk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;

/**
 * The at-risk list as a CSV for Excel (platform {@link ExcelCsv}: UTF-8 with BOM, CRLF, quoting, formulas defused),
 * with Japanese headers, 和暦 beside Gregorian dates, and after one empty line the notice about 指定なし and the credits
 * of the hazard data.
 */
final class AtRiskCsv {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final List<String> HEADERS = List.of("世帯ID", "閲覧の根拠", "児童氏名", "児童氏名（カナ）", "住所", "市町村コード",
            "区コード", "人工呼吸器", "個別避難計画", "計画の申請期限", "洪水", "土砂災害", "津波", "高潮", "位置の市町村コード",
            "届出と位置の不一致", "経度", "緯度", "評価日時");

    private AtRiskCsv() {
    }

    static byte[] write(AtRiskList.Result result) {
        ExcelCsv csv = new ExcelCsv(HEADERS);
        for (AtRiskHousehold household : result.households()) {
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
            cells.add(household.evacuationPlanStatus().deadline() == null ? null
                    : JapaneseDates.withGregorian(household.evacuationPlanStatus().deadline()));
            for (HazardExposure exposure : household.exposures()) {
                cells.add(exposure.text());
            }
            cells.add(household.place() == null ? "未判定" : Objects.toString(
                    household.place().locatedWardCode() != null ? household.place().locatedWardCode()
                            : household.place().locatedMunicipalityCode(), "区域外"));
            cells.add(household.place() == null ? "未判定" : household.place().mismatch() ? household.place().mismatchLabel() : "なし");
            cells.add(String.format("%.6f", household.longitude()));
            cells.add(String.format("%.6f", household.latitude()));
            cells.add(household.exposures().stream().map(HazardExposure::evaluatedAt).filter(Objects::nonNull)
                    .max(Instant::compareTo).map(AtRiskCsv::japanese).orElse("未評価"));
            csv.row(cells);
        }
        csv.row(List.of());
        csv.row(List.of("※ " + result.notice()));
        csv.row(List.of("※ 作成日時: " + japanese(result.generatedAt())));
        for (AtRiskList.Credit credit : result.credits()) {
            csv.row(List.of("出典（" + credit.hazardLabel() + "・" + credit.layerName() + "）: "
                    + (credit.credit() != null ? credit.credit() : credit.source())
                    + (credit.licence() != null ? "（" + credit.licence() + "）" : "")));
        }
        return csv.bytes();
    }

    private static String basis(AtRiskHousehold household) {
        return switch (household.basis()) {
            case CENTER -> "センター";
            case CONSENT -> "同意";
            case DECLARATION -> "災害時の宣言";
            case SYSTEM -> "システム";
        };
    }

    static String japanese(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, JapanTime.ZONE);
        return JapaneseDates.withGregorian(local.toLocalDate()) + " " + TIME.format(local);
    }
}
