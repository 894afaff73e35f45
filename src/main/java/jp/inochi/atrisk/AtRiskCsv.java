package jp.inochi.atrisk;

import java.util.List;
import jp.inochi.platform.csv.ExcelCsv;

/**
 * The at-risk list as a CSV for Excel (platform {@link ExcelCsv}: UTF-8 with BOM, CRLF, quoting, formulas defused):
 * Japanese headers and data rows only, so it sorts and filters; dates as 2026/05/10, which Excel reads as dates. The
 * notice about 指定なし and the credits are on the page and in the .xlsx's 「出典・注意」 sheet.
 */
final class AtRiskCsv {
    static final List<String> HEADERS = AtRiskTable.headers();

    private AtRiskCsv() {
    }

    static byte[] write(AtRiskList.Result result) {
        ExcelCsv csv = new ExcelCsv(HEADERS);
        for (AtRiskHousehold household : result.households()) {
            csv.row(AtRiskTable.cells(household));
        }
        return csv.bytes();
    }
}
