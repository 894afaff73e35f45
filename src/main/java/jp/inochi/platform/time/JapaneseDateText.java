package jp.inochi.platform.time;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as people type it in Japanese offices' lists: 令和7年4月1日, 令和元年5月1日, R7.4.1, H31/4/30,
 * 2025/4/1, 2025-04-01, 2025年4月1日 (full-width digits too; a trailing time such as 0:00 is ignored).
 * The one place dates typed in 和暦 are read; {@link JapaneseDates} writes them.
 */
public final class JapaneseDateText {
    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(
            Map.entry("令和", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA),
            Map.entry("平成", JapaneseEra.HEISEI), Map.entry("H", JapaneseEra.HEISEI),
            Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA),
            Map.entry("大正", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO),
            Map.entry("明治", JapaneseEra.MEIJI), Map.entry("M", JapaneseEra.MEIJI));
    private static final String TIME = "(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?";
    private static final Pattern WAREKI = Pattern.compile(
            "(令和|平成|昭和|大正|明治|[RHSTM])\\s*(元|\\d{1,2})\\s*(?:年|[./-])\\s*(\\d{1,2})\\s*(?:月|[./-])\\s*(\\d{1,2})\\s*日?" + TIME);
    private static final Pattern GREGORIAN = Pattern.compile(
            "(\\d{4})\\s*(?:年|[./-])\\s*(\\d{1,2})\\s*(?:月|[./-])\\s*(\\d{1,2})\\s*日?" + TIME);

    private JapaneseDateText() {
    }

    /** The date, or empty when the text is not a date in any of these forms (or no such day exists). */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Matcher wareki = WAREKI.matcher(normal);
            if (wareki.matches()) {
                int year = "元".equals(wareki.group(2)) ? 1 : Integer.parseInt(wareki.group(2));
                return Optional.of(LocalDate.from(JapaneseDate.of(ERAS.get(wareki.group(1)), year,
                        Integer.parseInt(wareki.group(3)), Integer.parseInt(wareki.group(4)))));
            }
            Matcher gregorian = GREGORIAN.matcher(normal);
            if (gregorian.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(gregorian.group(1)), Integer.parseInt(gregorian.group(2)),
                        Integer.parseInt(gregorian.group(3))));
            }
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
