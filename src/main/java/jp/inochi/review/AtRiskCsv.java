package jp.inochi.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.inochi.exposure.HazardExposure;
import jp.inochi.platform.time.JapanTime;
import jp.inochi.platform.time.JapaneseDates;

/**
 * The at-risk list as a CSV that opens cleanly in Excel: UTF-8 with a BOM, CRLF line ends, Japanese headers,
 * RFC 4180 quoting, and text cells that start like a formula (=, +, -, @) prefixed with an apostrophe.
 * The notice about 指定なし and the data credits follow the table after one empty line.
 */
final class AtRiskCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final List<String> HEADERS = List.of("世帯ID", "閲覧の根拠", "児童氏名", "児童氏名（カナ）", "住所", "市町村コード",
            "区コード", "人工呼吸器", "洪水", "土砂災害", "津波", "高潮", "位置の市町村コード", "届出と位置の不一致", "経度", "緯度",
            "評価日時");

    private AtRiskCsv() {
    }

    static byte[] write(AtRiskList.Result result) {
        StringBuilder out = new StringBuilder();
        row(out, HEADERS);
        for (AtRiskHousehold household : result.households()) {
            List<String> cells = new ArrayList<>();
            cells.add(String.valueOf(household.id()));
            cells.add(basis(household));
            cells.add(text(household.childName()));
            cells.add(text(household.childNameKana()));
            cells.add(text(household.address()));
            cells.add(household.municipalityCode());
            cells.add(Objects.toString(household.wardCode(), ""));
            cells.add(household.ventilatorDependent() ? "あり" : "なし");
            for (HazardExposure exposure : household.exposures()) {
                cells.add(text(exposure.text()));
            }
            cells.add(household.place() == null ? "未判定" : Objects.toString(
                    household.place().locatedWardCode() != null ? household.place().locatedWardCode()
                            : household.place().locatedMunicipalityCode(), "区域外"));
            cells.add(household.place() == null ? "未判定" : household.place().mismatch() ? household.place().mismatchLabel() : "なし");
            cells.add(String.format("%.6f", household.longitude()));
            cells.add(String.format("%.6f", household.latitude()));
            cells.add(household.exposures().stream().map(HazardExposure::evaluatedAt).filter(Objects::nonNull)
                    .max(Instant::compareTo).map(AtRiskCsv::japanese).orElse("未評価"));
            row(out, cells);
        }
        out.append("\r\n");
        row(out, List.of("※ " + result.notice()));
        row(out, List.of("※ 作成日時: " + japanese(result.generatedAt())));
        for (AtRiskList.Credit credit : result.credits()) {
            row(out, List.of("出典（" + credit.hazardLabel() + "・" + credit.layerName() + "）: "
                    + (credit.credit() != null ? credit.credit() : credit.source())
                    + (credit.licence() != null ? "（" + credit.licence() + "）" : "")));
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(body, 0, bytes, BOM.length, body.length);
        return bytes;
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

    /** Text a person typed: a leading =, +, - or @ would make Excel run it as a formula. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
