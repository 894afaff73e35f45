package jp.inochi.platform.xlsx;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles an export uses, made once per workbook (Excel allows about 64,000 styles in a file). */
final class XlsxStyles {
    /** Excel's own 和暦 format (locale 0x411, Japanese): 令和8年5月10日. */
    static final String WAREKI_DATE = "[$-411]ggge\"年\"m\"月\"d\"日\"";
    static final String WAREKI_DATE_TIME = WAREKI_DATE + " h:mm";
    static final String GREGORIAN_DATE = "yyyy/mm/dd";
    static final String GREGORIAN_DATE_TIME = "yyyy/mm/dd hh:mm";

    private final Workbook workbook;
    private final Map<String, CellStyle> byFormat = new HashMap<>();
    final CellStyle header;
    final CellStyle emphasis;

    XlsxStyles(Workbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font red = workbook.createFont();
        red.setBold(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());
        emphasis = workbook.createCellStyle();
        emphasis.setFont(red);
    }

    /** The style showing a number or date in the given format; null format is General. */
    CellStyle format(String format) {
        if (format == null) {
            return null;
        }
        return byFormat.computeIfAbsent(format, wanted -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(wanted));
            return style;
        });
    }
}
