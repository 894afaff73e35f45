package jp.inochi.households;

import java.util.List;
import jp.inochi.platform.csv.ExcelCsv;
import jp.inochi.platform.tables.TableColumn;
import jp.inochi.platform.tables.TableReader;
import jp.inochi.platform.xlsx.XlsxNotes;
import jp.inochi.platform.xlsx.XlsxTemplate;

/** The blank list for 世帯の一括登録: the import's columns and its example row, as .xlsx (with how to fill it in) or CSV. */
final class HouseholdImportTemplate {
    static final String XLSX_NAME = "世帯の一括登録_テンプレート.xlsx";
    static final String CSV_NAME = "世帯の一括登録_テンプレート.csv";

    private HouseholdImportTemplate() {
    }

    static byte[] xlsx() {
        return XlsxTemplate.of("世帯", headers(), List.of(HouseholdImportColumns.EXAMPLE), howTo());
    }

    /** UTF-8 with a byte-order mark, as Excel on Japanese Windows opens it. */
    static byte[] csv() {
        return new ExcelCsv(headers()).row(HouseholdImportColumns.EXAMPLE).bytes();
    }

    private static List<String> headers() {
        return HouseholdImportColumns.ALL.stream().map(TableColumn::label).toList();
    }

    static List<String> howTo() {
        String required = String.join("・", HouseholdImportColumns.ALL.stream().filter(TableColumn::required)
                .map(TableColumn::label).toList());
        return List.of(
                "世帯の一括登録（熊本県医療的ケア児支援センター）の記入のしかた",
                "1行目の見出しは変えないでください。列の順番は入れ替えても読めます。",
                "2行目は記入例です。消してから、1つの世帯を1行に記入してください。",
                "必ず入れる列: " + required,
                "世帯番号: 登録済みの世帯を更新するときに入れます。新しい世帯は空けてください（氏名・カナ・生年月日が同じ世帯があれば、その世帯を更新します）。",
                "日付: 令和7年4月1日、R7.4.1、2025/4/1 のどれでも読めます。",
                "はい／いいえの列: 「はい」か「いいえ」（○・×、有・無も読めます）。",
                "都道府県コード・市町村コード: 地方公共団体コード（熊本県は 43、人吉市は 43203）。熊本市の世帯は区コードも入れてください。",
                "保存の形式: Excel ブック（.xlsx）か CSV（UTF-8 または Shift_JIS）。1回に " + String.format("%,d", TableReader.MAX_ROWS)
                        + " 行まで。パスワードは付けないでください。",
                "読み込むと、まず確認の画面になります（どの行が新規・更新・取込できないか）。「この内容で登録する」を押すまで、何も登録されません。",
                "記入したファイルは" + XlsxNotes.HANDLE_WITH_CARE + "です。読み込んだ後は、決められた場所に保管するか削除してください。");
    }
}
