package jp.inochi.platform.time;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** 和暦 with the Gregorian date beside it, as Japanese offices write dates: 令和8年5月10日（2026年5月10日）. */
public final class JapaneseDates {

    private static final DateTimeFormatter GREGORIAN = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private JapaneseDates() {
    }

    /** 令和8年5月10日（2026年5月10日）; empty for no date. */
    public static String withGregorian(LocalDate date) {
        if (date == null) {
            return "";
        }
        return wareki(date) + "（" + GREGORIAN.format(date) + "）";
    }

    /** The moment in Japan's time: 令和8年5月10日（2026年5月10日） 9時05分, as emails tell families a time. */
    public static String withGregorianAndTime(java.time.Instant instant) {
        java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(instant, JapanTime.ZONE);
        return withGregorian(local.toLocalDate()) + String.format(" %d時%02d分", local.getHour(), local.getMinute());
    }

    /** 令和8年5月10日. The first year of an era is written 元年, as on official documents. */
    public static String wareki(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        String yearText = year == 1 ? "元" : String.valueOf(year);
        return era.getDisplayName(TextStyle.FULL, Locale.JAPAN) + yearText + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** R8.5.10: the short form used in tables. */
    public static String warekiShort(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        String initial = japanese.getEra().getDisplayName(TextStyle.NARROW, Locale.ENGLISH);
        return initial + japanese.get(ChronoField.YEAR_OF_ERA) + "." + date.getMonthValue() + "." + date.getDayOfMonth();
    }
}
