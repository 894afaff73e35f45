package jp.inochi.hazards.model;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding fields by name without regard to case (DBF names are often upper case), and reading their values. */
final class Fields {
    private Fields() {
    }

    /** The first of the candidates the file has, in the file's own spelling. */
    static Optional<String> find(Collection<String> fieldNames, List<String> candidates) {
        for (String candidate : candidates) {
            for (String name : fieldNames) {
                if (name.equalsIgnoreCase(candidate)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    static String require(Collection<String> fieldNames, String named, List<String> candidates, String what)
            throws HazardProfile.ProfileMismatch {
        if (named != null && !named.isBlank()) {
            return find(fieldNames, List.of(named.strip())).orElseThrow(() -> new HazardProfile.ProfileMismatch(
                    "指定された項目「" + named + "」がファイルにありません。ファイルの項目: " + String.join(", ", fieldNames)));
        }
        return find(fieldNames, candidates).orElseThrow(() -> new HazardProfile.ProfileMismatch(
                what + "の項目（" + String.join(" / ", candidates) + "）がファイルにありません。"
                        + "項目名を指定してください（severityField）。ファイルの項目: " + String.join(", ", fieldNames)));
    }

    static Object value(Map<String, Object> attributes, String field) {
        return attributes.get(field);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip();
        return text.isEmpty() ? null : text;
    }

    /** An integer from a number or a text such as "3", "3.0" or "３"; empty when the value is not a whole number. */
    static Optional<Integer> integer(Object value) {
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString());
            return decimal.stripTrailingZeros().scale() <= 0 ? Optional.of(decimal.intValue()) : Optional.empty();
        }
        String text = text(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            BigDecimal decimal = new BigDecimal(text);
            return decimal.stripTrailingZeros().scale() <= 0 ? Optional.of(decimal.intValue()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String shown(Object value) {
        return value == null ? "空" : "「" + value + "」";
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
