-- Spatial questions other features ask (the at-risk list, shelters, the disaster-day selection), answered in SQL.
-- None of them returns personal data by itself: a query that shows households to a person must still join
-- household h and include household_access_basis(h, ...) IS NOT NULL, and audit what it returned.

-- For each hazard type, the highest-severity current zone containing the point (no row: not designated).
CREATE FUNCTION hazard_at(p geometry)
    RETURNS TABLE (hazard_type text, severity smallint, severity_label text, zone_id bigint, layer_id bigint,
                   layer_version_id bigint)
    LANGUAGE sql STABLE AS
$$
SELECT DISTINCT ON (z.hazard_type) z.hazard_type, z.severity, z.severity_label, z.id, v.layer_id, v.id
FROM hazard_zone_part pt
         JOIN geo_layer_version v ON v.id = pt.version_id AND v.status = 'CURRENT'
         JOIN hazard_zone z ON z.id = pt.zone_id
WHERE ST_Intersects(pt.geom, p)
ORDER BY z.hazard_type, z.severity DESC, z.id
$$;

-- The households whose home lies in a zone of the layer's current version at or above a severity, each with
-- the highest such zone. For the disaster-day selection ("zones of this layer at or above severity N").
CREATE FUNCTION hazard_layer_households(p_layer_id bigint, p_min_severity integer)
    RETURNS TABLE (household_id bigint, severity smallint, severity_label text, zone_id bigint)
    LANGUAGE sql STABLE AS
$$
SELECT DISTINCT ON (h.id) h.id, z.severity, z.severity_label, z.id
FROM geo_layer l
         JOIN hazard_zone_part pt ON pt.version_id = l.current_version_id AND pt.severity >= p_min_severity
         JOIN household h ON h.location && pt.geom AND ST_Intersects(pt.geom, h.location)
         JOIN hazard_zone z ON z.id = pt.zone_id
WHERE l.id = p_layer_id
ORDER BY h.id, z.severity DESC, z.id
$$;

-- The p_limit shelters nearest to the point by straight-line (geodesic) distance, from the current shelter
-- layers. p_welfare_only keeps 福祉避難所 candidates only. With p_avoid_hazard_type, shelters lying in a zone of
-- that type at or above p_avoid_min_severity are left out ("nearest welfare shelters outside the hazard").
-- hazards lists every zone the shelter itself lies in, one per hazard type.
CREATE FUNCTION nearest_shelters(p geometry, p_limit integer, p_welfare_only boolean,
                                 p_avoid_hazard_type text, p_avoid_min_severity integer)
    RETURNS TABLE (shelter_id bigint, name text, category text, welfare_candidate boolean, address text,
                   municipality_code varchar, suitable_for text[], distance_m double precision, hazards jsonb,
                   layer_id bigint)
    LANGUAGE sql STABLE AS
$$
WITH candidates AS (
    SELECT s.*, v.layer_id
    FROM shelter s
             JOIN geo_layer_version v ON v.id = s.version_id AND v.status = 'CURRENT'
    WHERE (NOT p_welfare_only OR s.welfare_candidate)
      AND (p_avoid_hazard_type IS NULL OR NOT EXISTS (
            SELECT 1 FROM hazard_at(s.geom) hz
            WHERE hz.hazard_type = p_avoid_hazard_type AND hz.severity >= coalesce(p_avoid_min_severity, 1)))
    -- ordering by degrees is not ordering by metres: take more than asked, then sort by geodesic distance
    ORDER BY s.geom <-> p
    LIMIT greatest(p_limit * 4, p_limit + 20)
)
SELECT c.id, c.name, c.category, c.welfare_candidate, c.address, c.municipality_code, c.suitable_for,
       ST_Distance(c.geom::geography, p::geography),
       (SELECT coalesce(jsonb_agg(jsonb_build_object('hazardType', hz.hazard_type, 'severity', hz.severity,
                                                     'label', hz.severity_label) ORDER BY t.display_order), '[]'::jsonb)
        FROM hazard_at(c.geom) hz JOIN hazard_type t ON t.code = hz.hazard_type),
       c.layer_id
FROM candidates c
ORDER BY ST_Distance(c.geom::geography, p::geography), c.id
LIMIT p_limit
$$;
