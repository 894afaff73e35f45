package jp.inochi.layers.reading;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from the file, in the file's CRS. {@code index} counts from 1 across the whole import;
 * {@code origin} and {@code indexInOrigin} say where it is for people (file name and its n-th feature).
 * Without a geometry, {@code note} says why (empty, unsupported type...); with one, a note says what the
 * reader already mended (an unclosed ring, for example).
 */
public record SourceFeature(long index, String origin, long indexInOrigin, Geometry geometry,
                            Map<String, Object> attributes, String note) {

    /** "demo.geojson の 12番目の地物": where a problem is, in the words of the report. */
    public String where() {
        return origin + " の " + indexInOrigin + "番目の地物";
    }
}
