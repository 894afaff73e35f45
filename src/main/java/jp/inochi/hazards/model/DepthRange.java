package jp.inochi.hazards.model;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A depth band in metres, from a label such as {@code 1.0m以上2.0m未満}, {@code 0.3m未満} or {@code 20m以上}
 * (KSJ A40 tsunami {@code A40_003} and A49 storm surge ranks; domain.md, "Hazard data").
 * {@code min} is included, {@code max} excluded; an open end is null.
 */
public record DepthRange(BigDecimal min, BigDecimal max) {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)\\s*(?:m|ｍ|メートル)?";
    private static final Pattern BETWEEN = Pattern.compile(NUMBER + "\\s*(?:以上|超)\\s*" + NUMBER + "\\s*(?:未満|以下)");
    private static final Pattern RANGE = Pattern.compile(NUMBER + "\\s*[~〜～\\-－―ー]\\s*" + NUMBER);
    private static final Pattern BELOW = Pattern.compile(NUMBER + "\\s*(?:未満|以下)");
    private static final Pattern ABOVE = Pattern.compile(NUMBER + "\\s*(?:以上|超)");

    public DepthRange {
        if (min == null) {
            min = BigDecimal.ZERO;
        }
        if (min.signum() < 0 || (max != null && max.compareTo(min) <= 0)) {
            throw new IllegalArgumentException("深さの範囲が正しくありません: " + min + "〜" + max);
        }
    }

    /** The band a text names, or empty when the text names no depth. Full-width digits and units are accepted. */
    public static Optional<DepthRange> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", "");
        Matcher matcher = BETWEEN.matcher(normal);
        if (matcher.find()) {
            return range(matcher.group(1), matcher.group(2));
        }
        matcher = RANGE.matcher(normal);
        if (matcher.find()) {
            return range(matcher.group(1), matcher.group(2));
        }
        matcher = BELOW.matcher(normal);
        if (matcher.find()) {
            return range("0", matcher.group(1));
        }
        matcher = ABOVE.matcher(normal);
        if (matcher.find()) {
            return Optional.of(new DepthRange(new BigDecimal(matcher.group(1)), null));
        }
        return Optional.empty();
    }

    private static Optional<DepthRange> range(String from, String to) {
        BigDecimal min = new BigDecimal(from);
        BigDecimal max = new BigDecimal(to);
        return max.compareTo(min) > 0 ? Optional.of(new DepthRange(min, max)) : Optional.empty();
    }

    /** In the style of the KSJ labels: {@code 0m以上0.5m未満}, {@code 3.0m以上5.0m未満}, {@code 20.0m以上}. */
    public String label() {
        String from = (min.signum() == 0 ? "0m" : metres(min)) + "以上";
        return max == null ? from : from + metres(max) + "未満";
    }

    private static String metres(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 1 ? plain.setScale(1) : plain).toPlainString() + "m";
    }
}
