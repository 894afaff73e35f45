package jp.inochi.layers.reading.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways files and people name an EPSG CRS: {@code EPSG:6670}, {@code 6670},
 * {@code urn:ogc:def:crs:EPSG::6668}, {@code http://www.opengis.net/def/crs/EPSG/0/6668}, and OGC CRS84
 * (longitude/latitude WGS 84, which PostGIS knows as 4326 in the same axis order).
 */
public final class EpsgNames {
    private static final Pattern EPSG = Pattern.compile(
            "^(?:EPSG:{1,2}|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)?(\\d{4,6})$");
    private static final Pattern CRS84 = Pattern.compile("^(?:URN:OGC:DEF:CRS:OGC:1\\.3:|URN:OGC:DEF:CRS:OGC::|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/1\\.3/|OGC:)?CRS84$");

    private EpsgNames() {
    }

    public static Optional<Integer> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normal = name.strip().toUpperCase(Locale.ROOT);
        if (CRS84.matcher(normal).matches()) {
            return Optional.of(4326);
        }
        Matcher matcher = EPSG.matcher(normal);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
