package jp.inochi.boundaries;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the municipality of a KSJ N03 administrative area: {@code N03_007} is the 5-digit 全国地方公共団体コード
 * without check digit, e.g. 43100 熊本市, 43101-43105 its wards (domain.md, "Hazard data"). Copies of N03 name it
 * {@code code5}; a 6-digit code with check digit is read by its first five digits. A ward resolves to 熊本市 and
 * the ward.
 */
public final class AdministrativeAreaCode {
    static final List<String> CODE_FIELDS = List.of("N03_007", "code5", "code", "行政区域コード", "code6");

    /** The area's municipality and ward, or why it is left out (no code, not a Kumamoto municipality). */
    public record Resolved(String code, String municipalityCode, String wardCode, String skipReason) {
    }

    private final String field;
    private final Map<String, String> parentOf;

    /**
     * @param parentOf every known code to its municipality: a ward to 43100, a municipality to itself
     */
    private AdministrativeAreaCode(String field, Map<String, String> parentOf) {
        this.field = field;
        this.parentOf = Map.copyOf(parentOf);
    }

    /** Finds the code field (the named one, or the first known name), or empty when the file has none. */
    public static Optional<AdministrativeAreaCode> bind(Collection<String> fieldNames, String named, Map<String, String> parentOf) {
        List<String> candidates = named == null || named.isBlank() ? CODE_FIELDS : List.of(named.strip());
        for (String candidate : candidates) {
            for (String name : fieldNames) {
                if (name.equalsIgnoreCase(candidate)) {
                    return Optional.of(new AdministrativeAreaCode(name, parentOf));
                }
            }
        }
        return Optional.empty();
    }

    public String field() {
        return field;
    }

    public Resolved resolve(Map<String, Object> attributes) {
        Object value = attributes.get(field);
        String code = normal(value);
        if (code == null) {
            return new Resolved(null, null, null, "行政区域コード（" + field + "）が空です（所属未定地など）");
        }
        String municipality = parentOf.get(code);
        if (municipality == null) {
            return new Resolved(code, null, null, "行政区域コード " + code + " は熊本県の市町村ではありません");
        }
        return new Resolved(code, municipality, municipality.equals(code) ? null : code, null);
    }

    private static String normal(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Number number ? new BigDecimal(number.toString()).toBigInteger().toString()
                : Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip();
        if (text.matches("\\d{6}")) {
            text = text.substring(0, 5);
        }
        return text.matches("\\d{5}") ? text : (text.isEmpty() ? null : text);
    }
}
