-- Each household's exposure per hazard type, from the current layers of that type.
--   IN_ZONE        inside a zone: the highest severity among the zones that contain the home
--   NEAR           not inside, but within the configured distance of a landslide zone (distance_m)
--   NOT_DESIGNATED outside every mapped zone: shown as 指定なし ("not designated"), which never means safe
-- A hazard type with no current layer has no rows: it has not been evaluated (データなし).
-- Rows are recomputed in SQL: for one household when its home moves, and for the households a layer
-- version can affect when it is replaced. `location` is the point evaluated, so stale rows can be found.
CREATE TABLE household_hazard_exposure (
    household_id     bigint      NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    hazard_type      text        NOT NULL REFERENCES hazard_type (code),
    status           text        NOT NULL CHECK (status IN ('IN_ZONE', 'NEAR', 'NOT_DESIGNATED')),
    severity         smallint,
    severity_label   text        NOT NULL,
    zone_id          bigint,
    layer_id         bigint REFERENCES geo_layer (id),
    layer_version_id bigint REFERENCES geo_layer_version (id),
    distance_m       double precision,
    location         geometry(Point, 6668) NOT NULL,
    evaluated_at     timestamptz NOT NULL,
    PRIMARY KEY (household_id, hazard_type),
    CHECK ((status = 'IN_ZONE') = (severity IS NOT NULL)),
    CHECK ((status = 'NOT_DESIGNATED') = (zone_id IS NULL)),
    CHECK ((status = 'NEAR') = (distance_m IS NOT NULL))
);
CREATE INDEX household_hazard_exposure_layer ON household_hazard_exposure (layer_id) WHERE layer_id IS NOT NULL;
CREATE INDEX household_hazard_exposure_at_risk ON household_hazard_exposure (hazard_type, severity) WHERE status <> 'NOT_DESIGNATED';
