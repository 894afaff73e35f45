package jp.inochi.layers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Why a geometry is invalid, in Japanese: JTS's {@link TopologyValidationError} while reading, and PostGIS's
 * {@code ST_IsValidReason} (GEOS, the same English texts, with {@code [x y]}) after the transformation. Unknown
 * texts keep a Japanese frame and no English sentence.
 */
final class ValidityReasons {
    private record Reason(String english, String japanese) {
    }

    // GEOS says "Too few points in geometry component", JTS "Too few distinct points...": both start alike
    private static final List<Reason> REASONS = List.of(
            new Reason("Ring Self-intersection", "リングの自己交差"),
            new Reason("Self-intersection", "自己交差"),
            new Reason("Too few", "点が少なすぎる部分"),
            new Reason("Hole lies outside shell", "外周の外にある穴"),
            new Reason("Holes are nested", "入れ子になった穴"),
            new Reason("Nested holes", "入れ子になった穴"),
            new Reason("Interior is disconnected", "穴で分断された内部"),
            new Reason("Nested shells", "入れ子になった外周"),
            new Reason("Duplicate Rings", "重複したリング"),
            new Reason("Invalid Coordinate", "不正な座標"),
            new Reason("Ring is not closed", "閉じていないリング"),
            new Reason("Repeated Point", "重複した点"),
            new Reason("Topology Validation Error", "位相の誤り"));
    private static final Pattern POSTGIS = Pattern.compile("^(.*?)\\s*\\[\\s*(\\S+)\\s+(\\S+)\\s*]\\s*$");

    private ValidityReasons() {
    }

    /** "自己交差（座標 130.405, 32.405 付近）". */
    static String of(TopologyValidationError error) {
        return describe(error.getMessage(), error.getCoordinate());
    }

    /** PostGIS's {@code ST_IsValidReason}, such as "Self-intersection[130.405 32.405]". */
    static String ofPostgis(String reason) {
        if (reason == null) {
            return japanese("");
        }
        Matcher at = POSTGIS.matcher(reason.strip());
        if (at.matches()) {
            try {
                return describe(at.group(1), new Coordinate(Double.parseDouble(at.group(2)), Double.parseDouble(at.group(3))));
            } catch (NumberFormatException notCoordinates) {
                return describe(at.group(1), null);
            }
        }
        return describe(reason.strip(), null);
    }

    private static String describe(String english, Coordinate at) {
        String where = at == null || !Double.isFinite(at.x) || !Double.isFinite(at.y) ? ""
                : "（座標 " + number(at.x) + ", " + number(at.y) + " 付近）";
        return japanese(english) + where;
    }

    private static String japanese(String english) {
        String normal = english.toLowerCase(Locale.ROOT);
        return REASONS.stream().filter(reason -> normal.startsWith(reason.english().toLowerCase(Locale.ROOT)))
                .map(Reason::japanese).findFirst().orElse("図形の位相の誤り");
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
