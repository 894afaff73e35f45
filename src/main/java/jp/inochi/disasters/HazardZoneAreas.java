package jp.inochi.disasters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import jp.inochi.disasters.model.AreaKind;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.platform.problem.InvalidInputException;

/** An event's area as the zones of a hazard layer at or above a severity ({@code hazard_layer_households}). */
final class HazardZoneAreas {

    /**
     * The households in the layer's current zones at or above the severity, each with its highest such zone: what
     * {@code hazard_layer_households(layer, severity)} answers, found from the hazards feature's exposure instead of
     * testing every home against every zone. A home's exposure row for the hazard type holds the highest zone of all
     * current layers of that type, evaluated at the home's present location; so
     * <ul>
     *   <li>an exposure row from this layer's current version at or above the severity is the answer itself;</li>
     *   <li>a fresh row below the severity, or outside every zone, rules the home out (this layer's zone can't be higher);</li>
     *   <li>every other home (no fresh row, or its highest zone from another layer of the type) is tested against this
     *       layer's zones, as the function would.</li>
     * </ul>
     * Parameters: layer, severity (three times), event, time.
     */
    static final String HOUSEHOLDS = """
            INSERT INTO disaster_event_household (event_id, household_id, included_because, zone_id, zone_severity,
                                                  zone_label, included_at)
            WITH layer AS (SELECT l.id, l.current_version_id AS version_id, l.hazard_type FROM geo_layer l WHERE l.id = ?),
                 settled AS (
                     SELECT e.household_id, e.zone_id, e.severity
                     FROM layer JOIN household_hazard_exposure e
                       ON e.hazard_type = layer.hazard_type AND e.layer_id = layer.id AND e.layer_version_id = layer.version_id
                      AND e.status = 'IN_ZONE' AND e.severity >= ?
                     JOIN household h ON h.id = e.household_id AND h.location ~= e.location),
                 unsettled AS MATERIALIZED (
                     SELECT h.id, h.location FROM layer JOIN household h ON h.location IS NOT NULL
                     WHERE NOT EXISTS (SELECT 1 FROM household_hazard_exposure e
                                       WHERE e.household_id = h.id AND e.hazard_type = layer.hazard_type
                                         AND e.location ~= h.location
                                         AND (e.status <> 'IN_ZONE' OR e.severity < ?
                                              OR (e.layer_id = layer.id AND e.layer_version_id = layer.version_id)))),
                 tested AS (
                     SELECT u.id AS household_id, best.zone_id, best.severity
                     FROM layer JOIN unsettled u ON true
                     JOIN LATERAL (SELECT pt.zone_id, pt.severity FROM hazard_zone_part pt
                                   WHERE pt.version_id = layer.version_id AND pt.severity >= ?
                                     AND ST_Intersects(pt.geom, u.location)
                                   ORDER BY pt.severity DESC, pt.zone_id LIMIT 1) best ON true)
            SELECT ?::bigint, found.household_id, 'HAZARD_ZONE', found.zone_id, found.severity, z.severity_label,
                   ?::timestamptz
            FROM (SELECT * FROM settled UNION ALL SELECT * FROM tested) found
            JOIN hazard_zone z ON z.id = found.zone_id
            ON CONFLICT (event_id, household_id) DO NOTHING""";

    private HazardZoneAreas() {
    }

    /** The layer must be a hazard layer with a current version; the severity lies on its type's scale (1 by default). */
    static EventAreas.Settled settle(Connection connection, EventAreas.AreaRequest area) throws SQLException {
        if (area.layerId() == null) {
            throw new InvalidInputException("area.layerId", "ハザードのレイヤーを指定してください");
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT l.name, l.hazard_type, l.current_version_id, t.label, t.max_severity, v.version_no
                FROM geo_layer l JOIN hazard_type t ON t.code = l.hazard_type
                LEFT JOIN geo_layer_version v ON v.id = l.current_version_id
                WHERE l.id = ? AND l.kind = 'HAZARD'""")) {
            select.setLong(1, area.layerId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new InvalidInputException("area.layerId", "ハザードのレイヤー " + area.layerId() + " はありません");
                }
                long version = row.getLong(3);
                if (row.wasNull()) {
                    throw new InvalidInputException("area.layerId", "レイヤー「" + row.getString(1) + "」には現在の版がありません");
                }
                int max = row.getInt(5);
                Integer min = area.minSeverity() == null ? 1 : area.minSeverity();
                if (min < 1 || min > max) {
                    throw new InvalidInputException("area.minSeverity", row.getString(4) + "の危険度の下限は1〜" + max + "の整数です");
                }
                HazardType type = HazardType.valueOf(row.getString(2));
                return new EventAreas.Settled(AreaKind.HAZARD_ZONES, null, area.layerId(), version, min, type, null,
                        "「" + row.getString(1) + "」（第" + row.getInt(6) + "版）の" + row.getString(4) + "区域のうち"
                                + severityText(type, min));
            }
        }
    }

    static String severityText(HazardType type, int min) {
        if (type == HazardType.LANDSLIDE) {
            return min >= 2 ? "特別警戒区域（レッド）" : "警戒区域・特別警戒区域";
        }
        String[] lower = {"", "0m", "0.5m", "3.0m", "5.0m", "10.0m", "20.0m"};
        return "浸水深 " + lower[Math.min(min, 6)] + " 以上（ランク" + min + "以上）";
    }
}
