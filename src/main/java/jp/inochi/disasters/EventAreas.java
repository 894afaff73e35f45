package jp.inochi.disasters;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import jp.inochi.platform.database.PlannerStatistics;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.layers.reading.InputFile;
import jp.inochi.layers.reading.WorkDirectory;
import jp.inochi.platform.problem.InvalidInputException;

/**
 * An event's area, checked and settled before anything is written, and the households it covers:
 * <ul>
 *   <li>municipalities (or 熊本市's wards): the households that live there by their address or by their location
 *       ({@link MunicipalityAreas});</li>
 *   <li>a polygon drawn on the map ({@link DrawnAreas}) or uploaded, read like any layer file ({@link AreaFiles});</li>
 *   <li>the zones of a hazard layer at or above a severity ({@link HazardZoneAreas}).</li>
 * </ul>
 * Homes without coordinates in a municipality a polygon or the zones touch are included too, marked as such: better
 * one call too many than a ventilator household missed.
 */
@Singleton
public class EventAreas {
    private final MunicipalityAreas municipalities;
    private final AreaFiles files;

    EventAreas(MunicipalityAreas municipalities, AreaFiles files) {
        this.municipalities = municipalities;
        this.files = files;
    }

    /** The area as the person gave it. Exactly the fields of its kind are used. */
    public record AreaRequest(AreaKind kind, @Nullable List<String> codes, @Nullable String geoJson,
                              @Nullable Integer crs, @Nullable Long layerId, @Nullable Integer minSeverity,
                              @Nullable List<InputFile> files, @Nullable String sourceName) {
    }

    /** A polygon read and transformed, ready to store: EWKB in EPSG:6668, with what happened on the way. */
    record Polygon6668(String ewkbHex, String source, String sourceCrs, double areaKm2, List<String> notes) {
    }

    /** The area settled: what will be stored on the event, and how people read it. */
    record Settled(AreaKind kind, @Nullable List<String> codes, @Nullable Long layerId, @Nullable Long layerVersionId,
                   @Nullable Integer minSeverity, @Nullable HazardType layerHazard, @Nullable Polygon6668 polygon,
                   String description) {
    }

    /** Checks the area against the database (codes, layer, polygon) inside the declaring transaction. */
    Settled settle(Connection connection, AreaRequest area) throws SQLException, IOException {
        if (area.kind() == null) {
            throw new InvalidInputException("area.kind", "範囲の指定方法（MUNICIPALITIES、POLYGON、HAZARD_ZONES）を選んでください");
        }
        return switch (area.kind()) {
            case MUNICIPALITIES -> municipalities.settle(area);
            case HAZARD_ZONES -> HazardZoneAreas.settle(connection, area);
            case POLYGON -> polygonArea(connection, area);
        };
    }

    /** A drawn area is written out as a GeoJSON file, so drawn and uploaded areas are read alike. */
    private Settled polygonArea(Connection connection, AreaRequest area) throws SQLException, IOException {
        try (WorkDirectory work = WorkDirectory.create("inochi-event-area-")) {
            List<InputFile> given = area.files();
            String source = area.sourceName();
            if (given == null || given.isEmpty()) {
                if (area.geoJson() == null || area.geoJson().isBlank()) {
                    throw new InvalidInputException("area.geoJson",
                            "範囲を GeoJSON で指定するか、ファイル（GeoJSON、シェープファイル、GeoPackage、その ZIP）を送ってください");
                }
                given = List.of(DrawnAreas.write(area.geoJson(), work.path()));
                source = source == null ? "地図上で指定した範囲（GeoJSON）" : source;
            }
            Polygon6668 polygon = files.read(connection, given, area.crs(), work.path());
            String name = source == null ? polygon.source() : source;
            Polygon6668 named = new Polygon6668(polygon.ewkbHex(), name, polygon.sourceCrs(), polygon.areaKm2(), polygon.notes());
            return new Settled(AreaKind.POLYGON, null, null, null, null, null, named,
                    "指定した範囲（" + name + "、約" + String.format("%.1f", polygon.areaKm2()) + " km²）");
        }
    }

    /**
     * Writes the households the event's area covers into {@code disaster_event_household} (those already there stay
     * as they were) and returns how many were added; then the event's municipalities are set from them.
     */
    int include(Connection connection, long eventId, Settled area, Instant now) throws SQLException {
        int added = switch (area.kind()) {
            case MUNICIPALITIES -> update(connection, MunicipalityAreas.HOUSEHOLDS, eventId, now, codes(connection, area),
                    codes(connection, area), codes(connection, area), codes(connection, area));
            case POLYGON -> update(connection, """
                    INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
                    SELECT DISTINCT ?::bigint, h.id, 'POLYGON', ?::timestamptz
                    FROM (SELECT ST_Subdivide(area_geom, 256) AS g FROM disaster_event WHERE id = ?) part
                    JOIN household h ON h.location && part.g AND ST_Intersects(part.g, h.location)
                    ON CONFLICT (event_id, household_id) DO NOTHING""", eventId, now, eventId);
            case HAZARD_ZONES -> update(connection, HazardZoneAreas.HOUSEHOLDS, area.layerId(), area.minSeverity(),
                    area.minSeverity(), area.minSeverity(), eventId, now);
        };
        if (area.kind() != AreaKind.MUNICIPALITIES) {
            added += update(connection, """
                    WITH touched AS (
                        SELECT h.municipality_code AS code FROM disaster_event_household eh
                        JOIN household h ON h.id = eh.household_id WHERE eh.event_id = ? AND h.municipality_code IS NOT NULL
                        UNION
                        SELECT a.municipality_code FROM admin_area a
                        JOIN geo_layer_version v ON v.id = a.version_id AND v.status = 'CURRENT'
                        JOIN disaster_event e ON e.id = ? AND e.area_geom IS NOT NULL AND ST_Intersects(a.geom, e.area_geom))
                    INSERT INTO disaster_event_household (event_id, household_id, included_because, included_at)
                    SELECT ?, h.id, 'LOCATION_UNKNOWN', ? FROM household h
                    WHERE h.location IS NULL AND h.municipality_code IN (SELECT code FROM touched)
                    ON CONFLICT (event_id, household_id) DO NOTHING""", eventId, eventId, eventId, now);
        }
        // a prefecture-wide event adds thousands of rows: the call sheet read right after must be planned on them
        PlannerStatistics.refreshIfChangedMuch(connection, "disaster_event_household", added);
        update(connection, """
                UPDATE disaster_event e SET municipality_codes = coalesce((
                    SELECT array_agg(DISTINCT code ORDER BY code) FROM (
                        SELECT h.municipality_code AS code FROM disaster_event_household eh
                        JOIN household h ON h.id = eh.household_id
                        WHERE eh.event_id = e.id AND h.municipality_code IS NOT NULL
                        UNION
                        SELECT coalesce(m.parent_code, m.code) FROM municipality m WHERE m.code = ANY (e.area_codes)) c),
                    '{}')
                WHERE e.id = ?""", eventId);
        return added;
    }

    private static Array codes(Connection connection, Settled area) throws SQLException {
        return connection.createArrayOf("varchar", area.codes().toArray());
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement.executeUpdate();
        }
    }
}
