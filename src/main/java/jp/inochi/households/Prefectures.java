package jp.inochi.households;

import java.util.List;

/** The 47 prefectures by JIS code (JIS X 0401), for the home's prefecture select; 熊本県 is 43. */
final class Prefectures {
    record Prefecture(String code, String name) {
    }

    static final List<Prefecture> ALL = List.of(
            p("01", "北海道"), p("02", "青森県"), p("03", "岩手県"), p("04", "宮城県"), p("05", "秋田県"), p("06", "山形県"),
            p("07", "福島県"), p("08", "茨城県"), p("09", "栃木県"), p("10", "群馬県"), p("11", "埼玉県"), p("12", "千葉県"),
            p("13", "東京都"), p("14", "神奈川県"), p("15", "新潟県"), p("16", "富山県"), p("17", "石川県"), p("18", "福井県"),
            p("19", "山梨県"), p("20", "長野県"), p("21", "岐阜県"), p("22", "静岡県"), p("23", "愛知県"), p("24", "三重県"),
            p("25", "滋賀県"), p("26", "京都府"), p("27", "大阪府"), p("28", "兵庫県"), p("29", "奈良県"), p("30", "和歌山県"),
            p("31", "鳥取県"), p("32", "島根県"), p("33", "岡山県"), p("34", "広島県"), p("35", "山口県"), p("36", "徳島県"),
            p("37", "香川県"), p("38", "愛媛県"), p("39", "高知県"), p("40", "福岡県"), p("41", "佐賀県"), p("42", "長崎県"),
            p("43", "熊本県"), p("44", "大分県"), p("45", "宮崎県"), p("46", "鹿児島県"), p("47", "沖縄県"));

    private Prefectures() {
    }

    static String name(String code) {
        return ALL.stream().filter(p -> p.code().equals(code)).map(Prefecture::name).findFirst().orElse(code);
    }

    private static Prefecture p(String code, String name) {
        return new Prefecture(code, name);
    }
}
