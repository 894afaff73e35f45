package jp.inochi.atrisk;

import jp.inochi.access.Viewer;
import jp.inochi.platform.xlsx.XlsxExport;
import jp.inochi.platform.xlsx.XlsxNotes;

/** The at-risk list as an .xlsx: the table's typed rows, then the notice about 指定なし and the hazard credits. */
final class AtRiskXlsx {
    private AtRiskXlsx() {
    }

    static byte[] write(AtRiskList.Result result, Viewer viewer) {
        try (XlsxExport xlsx = new XlsxExport("要確認世帯", AtRiskTable.COLUMNS)) {
            for (AtRiskHousehold household : result.households()) {
                xlsx.row(AtRiskTable.cells(household));
            }
            return xlsx.bytes(XlsxNotes.of("ハザード区域内の世帯（" + result.municipality().name() + "）",
                            result.generatedAt(), viewer.label())
                    .withNotes(java.util.List.of(result.notice(), "並び順: 人工呼吸器の方を先頭に、危険度の高い順"))
                    .withCredits(result.credits().stream().map(AtRiskList::creditLine).toList()));
        }
    }
}
