package jp.inochi.layers.reading.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The definitions Japanese files nearly always carry, recognised by their parameters without Apache SIS (whose
 * EPSG database takes seconds, under load tens of seconds, to open on first use): longitude/latitude and the 19 plane
 * rectangular zones (平面直角座標系 I〜XIX) on JGD2011, JGD2000 and the Tokyo datum. Anything else is left to SIS.
 */
final class JapaneseCrs {
    private static final Pattern DATUM = Pattern.compile("DATUM\\[\"([^\"]+)\"");
    private static final Pattern SPHEROID = Pattern.compile("(?:SPHEROID|ELLIPSOID)\\[\"[^\"]*\",\\s*([0-9.]+),\\s*([0-9.]+)");
    private static final Pattern NUMBER_PARAMETER = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*(-?[0-9.eE+-]+)\\]");
    private static final Pattern LINEAR_UNIT = Pattern.compile("UNIT\\[\"(?:METER|METRE)\",\\s*1(?:\\.0*)?\\s*[,\\]]");

    /** Latitude and longitude of origin of zones I to XIX (告示 平成14年国土交通省告示第9号). */
    private static final double[][] ZONE_ORIGINS = {
            {33, 129.5}, {33, 131}, {36, 132 + 10 / 60.0}, {33, 133.5}, {36, 134 + 20 / 60.0}, {36, 136},
            {36, 137 + 10 / 60.0}, {36, 138.5}, {36, 139 + 50 / 60.0}, {40, 140 + 50 / 60.0}, {44, 140.25},
            {44, 142.25}, {44, 144.25}, {26, 142}, {26, 127.5}, {26, 124}, {26, 131}, {20, 136}, {26, 154}};

    /** A datum with its ellipsoid, its geographic CRS and the code of its zone I (zones follow in order). */
    private enum Datum {
        JGD2011(6378137.0, 298.257222101, 6668, 6669),
        JGD2000(6378137.0, 298.257222101, 4612, 2443),
        TOKYO(6377397.155, 299.1528128, 4301, 30161);

        final double semiMajor;
        final double inverseFlattening;
        final int geographic;
        final int zoneOne;

        Datum(double semiMajor, double inverseFlattening, int geographic, int zoneOne) {
            this.semiMajor = semiMajor;
            this.inverseFlattening = inverseFlattening;
            this.geographic = geographic;
            this.zoneOne = zoneOne;
        }
    }

    private JapaneseCrs() {
    }

    /** The EPSG code, when the WKT is one of these definitions; empty otherwise (SIS decides). */
    static Optional<Integer> identify(String wkt) {
        String upper = wkt.strip().toUpperCase(Locale.ROOT);
        Datum datum = datum(upper);
        if (datum == null || !ellipsoidIs(upper, datum)) {
            return Optional.empty();
        }
        if (upper.startsWith("GEOGCS[")) {
            return upper.contains("PROJECTION[") ? Optional.empty() : Optional.of(datum.geographic);
        }
        if (!upper.startsWith("PROJCS[") || !upper.contains("PROJECTION[\"TRANSVERSE_MERCATOR\"]")
                || !LINEAR_UNIT.matcher(upper.substring(upper.lastIndexOf("UNIT["))).lookingAt()
                || !is(parameter(upper, "SCALE_FACTOR"), 0.9999) || !is(parameter(upper, "FALSE_EASTING"), 0)
                || !is(parameter(upper, "FALSE_NORTHING"), 0)) {
            return Optional.empty();
        }
        Double latitude = parameter(upper, "LATITUDE_OF_ORIGIN");
        Double longitude = parameter(upper, "CENTRAL_MERIDIAN");
        for (int zone = 0; zone < ZONE_ORIGINS.length; zone++) {
            if (is(latitude, ZONE_ORIGINS[zone][0]) && is(longitude, ZONE_ORIGINS[zone][1])) {
                return Optional.of(datum.zoneOne + zone);
            }
        }
        return Optional.empty();
    }

    private static Datum datum(String upper) {
        Matcher matcher = DATUM.matcher(upper);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).replaceAll("[^A-Z0-9]", "");
        return switch (name) {
            case "DJGD2011", "JGD2011", "JAPANESEGEODETICDATUM2011" -> Datum.JGD2011;
            case "DJGD2000", "JGD2000", "JAPANESEGEODETICDATUM2000" -> Datum.JGD2000;
            case "DTOKYO", "TOKYO" -> Datum.TOKYO;
            default -> null;
        };
    }

    private static boolean ellipsoidIs(String upper, Datum datum) {
        Matcher matcher = SPHEROID.matcher(upper);
        return matcher.find() && Math.abs(Double.parseDouble(matcher.group(1)) - datum.semiMajor) < 1e-3
                && Math.abs(Double.parseDouble(matcher.group(2)) - datum.inverseFlattening) < 1e-6;
    }

    private static boolean is(Double value, double expected) {
        return value != null && Math.abs(value - expected) < 1e-9;
    }

    private static Double parameter(String upper, String name) {
        Matcher matcher = NUMBER_PARAMETER.matcher(upper);
        Double found = null;
        while (matcher.find()) {
            if (matcher.group(1).replace(' ', '_').equals(name)) {
                if (found != null) {
                    return null; // stated twice: not a definition to guess at
                }
                found = Double.parseDouble(matcher.group(2));
            }
        }
        return found;
    }
}
