package jp.inochi.layers.reading.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Finds the EPSG code of a WKT definition, such as the ESRI WKT of a shapefile's .prj
 * ({@code PROJCS["JGD_2011_Japan_Zone_2",...]} is EPSG:6670), with Apache SIS and its embedded EPSG database.
 * Matching compares the definitions (datum, ellipsoid, projection and parameters), not the names, and ignores
 * axis order, which ESRI WKT does not state. The common Japanese definitions are recognised first without SIS
 * ({@link JapaneseCrs}), since opening its EPSG database is what a Shapefile import otherwise waits for.
 * <p>
 * SIS 1.6 does not match WGS 84 based definitions (the EPSG database now models WGS 84 as a datum ensemble),
 * so for those the common codes are recognised by their parameters: geographic WGS 84 (4326), Web Mercator
 * (3857) and UTM zones (326xx/327xx).
 */
public final class PrjIdentifier {
    static {
        QuietDerby.silence(); // for use outside a Micronaut context (tools, plain tests)
    }

    private static final Pattern NUMBER_PARAMETER = Pattern.compile(
            "PARAMETER\\[\"([^\"]+)\",\\s*(-?[0-9.eE+-]+)\\]");

    private PrjIdentifier() {
    }

    /** The EPSG code the WKT defines, or empty when no EPSG CRS has the same definition. */
    public static Optional<Integer> identify(String wkt) {
        Optional<Integer> japanese = JapaneseCrs.identify(wkt);
        return japanese.isPresent() ? japanese : bySis(wkt);
    }

    /** Asks Apache SIS, which compares the definition with every EPSG CRS. */
    static synchronized Optional<Integer> bySis(String wkt) {
        CoordinateReferenceSystem crs;
        try {
            crs = CRS.fromWKT(wkt.strip());
        } catch (FactoryException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            Integer declared = IdentifiedObjects.lookupEPSG(crs);
            if (declared != null) {
                return Optional.of(declared);
            }
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            Set<IdentifiedObject> found = finder.find(crs);
            for (IdentifiedObject candidate : found) {
                Integer code = IdentifiedObjects.lookupEPSG(candidate);
                if (code != null) {
                    return Optional.of(code);
                }
            }
        } catch (FactoryException | RuntimeException e) {
            // fall through to the WGS 84 rules below
        }
        return wgs84(wkt);
    }

    private static Optional<Integer> wgs84(String wkt) {
        String upper = wkt.toUpperCase(Locale.ROOT);
        boolean wgs84 = upper.contains("WGS_1984") || upper.contains("WGS 84") || upper.contains("WGS84");
        if (!wgs84 || !upper.contains("6378137") || !upper.contains("298.257223563")) {
            return Optional.empty();
        }
        if (!upper.startsWith("PROJCS") && !upper.startsWith("PROJCRS")) {
            return Optional.of(4326);
        }
        if (upper.contains("MERCATOR_AUXILIARY_SPHERE") || upper.contains("POPULAR VISUALISATION")
                || upper.contains("WEB_MERCATOR") || upper.contains("PSEUDO-MERCATOR")) {
            return Optional.of(3857);
        }
        if (upper.contains("TRANSVERSE_MERCATOR") || upper.contains("TRANSVERSE MERCATOR")) {
            Double centralMeridian = parameter(upper, "CENTRAL_MERIDIAN");
            Double scale = parameter(upper, "SCALE_FACTOR");
            Double falseEasting = parameter(upper, "FALSE_EASTING");
            Double falseNorthing = parameter(upper, "FALSE_NORTHING");
            Double origin = parameter(upper, "LATITUDE_OF_ORIGIN");
            if (centralMeridian != null && scale != null && Math.abs(scale - 0.9996) < 1e-9
                    && falseEasting != null && Math.abs(falseEasting - 500000) < 1e-6
                    && (origin == null || Math.abs(origin) < 1e-9)) {
                double zone = (centralMeridian + 183) / 6;
                if (Math.abs(zone - Math.rint(zone)) < 1e-9 && zone >= 1 && zone <= 60) {
                    boolean south = falseNorthing != null && Math.abs(falseNorthing - 10000000) < 1e-6;
                    return Optional.of((south ? 32700 : 32600) + (int) Math.rint(zone));
                }
            }
        }
        return Optional.empty();
    }

    private static Double parameter(String wkt, String name) {
        Matcher matcher = NUMBER_PARAMETER.matcher(wkt);
        while (matcher.find()) {
            if (matcher.group(1).replace(' ', '_').equals(name)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return null;
    }
}
