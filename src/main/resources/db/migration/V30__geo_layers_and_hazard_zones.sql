-- Hazard zones, administrative boundaries and shelters all arrive as files and are kept as versioned layers.
-- A layer has at most one CURRENT version; a new import replaces it in one transaction, and a failed import
-- leaves it as it was. Geometry is JGD2011 longitude/latitude (EPSG:6668), whatever CRS the file was in.

-- The hazard types and the top of each one's common severity scale (see jp.inochi.hazards.model).
CREATE TABLE hazard_type (
    code          text PRIMARY KEY,
    label         text     NOT NULL,
    max_severity  smallint NOT NULL CHECK (max_severity > 0),
    display_order smallint NOT NULL UNIQUE
);
INSERT INTO hazard_type (code, label, max_severity, display_order) VALUES
    ('FLOOD', '洪水', 6, 1),
    ('LANDSLIDE', '土砂災害', 2, 2),
    ('TSUNAMI', '津波', 6, 3),
    ('STORM_SURGE', '高潮', 6, 4);

CREATE TABLE geo_layer (
    id                 bigserial PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('HAZARD', 'BOUNDARY', 'SHELTER')),
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    hazard_type        text REFERENCES hazard_type (code),
    current_version_id bigint,
    created_at         timestamptz NOT NULL,
    UNIQUE (kind, name),
    CHECK ((kind = 'HAZARD') = (hazard_type IS NOT NULL))
);

CREATE TABLE geo_layer_version (
    id             bigserial PRIMARY KEY,
    layer_id       bigint      NOT NULL REFERENCES geo_layer (id),
    version_no     integer     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('CURRENT', 'SUPERSEDED')),
    profile        text        NOT NULL,
    source         text        NOT NULL,
    licence        text,
    credit         text,
    file_name      text        NOT NULL,
    file_format    text        NOT NULL,
    source_crs     text        NOT NULL,
    feature_count  integer     NOT NULL,
    imported_count integer     NOT NULL,
    repaired_count integer     NOT NULL,
    skipped_count  integer     NOT NULL,
    report         jsonb       NOT NULL,
    imported_at    timestamptz NOT NULL,
    imported_by    bigint REFERENCES app_user (id),
    superseded_at  timestamptz,
    UNIQUE (layer_id, version_no)
);
CREATE UNIQUE INDEX geo_layer_version_one_current ON geo_layer_version (layer_id) WHERE status = 'CURRENT';
ALTER TABLE geo_layer ADD CONSTRAINT geo_layer_current_version
    FOREIGN KEY (current_version_id) REFERENCES geo_layer_version (id) DEFERRABLE INITIALLY DEFERRED;

-- One zone per imported feature, with its severity on the hazard type's common scale and its raw attributes.
-- Only current versions keep their zones: replacing a version deletes the old one's zones in the same transaction.
CREATE TABLE hazard_zone (
    id             bigserial PRIMARY KEY,
    version_id     bigint       NOT NULL REFERENCES geo_layer_version (id) ON DELETE CASCADE,
    hazard_type    text         NOT NULL,
    feature_index  integer      NOT NULL,
    severity       smallint     NOT NULL CHECK (severity > 0),
    severity_label text         NOT NULL,
    depth_min_m    numeric(6, 2),
    depth_max_m    numeric(6, 2),
    duration_rank  smallint,
    duration_label text,
    phenomenon     text,
    attributes     jsonb        NOT NULL,
    geom           geometry(MultiPolygon, 6668) NOT NULL
);
CREATE INDEX hazard_zone_version ON hazard_zone (version_id);
CREATE INDEX hazard_zone_geom ON hazard_zone USING gist (geom);

-- The same zones as single polygons, those of more than 1024 vertices cut by ST_Subdivide (inochi.import.subdivide-
-- vertices): point-in-polygon tests then touch a few small polygons instead of one with tens of thousands of vertices.
-- Written and deleted with their zones by the importer only (by version_id); no foreign key, to keep imports fast.
CREATE TABLE hazard_zone_part (
    zone_id     bigint   NOT NULL,
    version_id  bigint   NOT NULL,
    hazard_type text     NOT NULL,
    severity    smallint NOT NULL,
    geom        geometry(Polygon, 6668) NOT NULL
);
-- Geometries are stored uncompressed: a point-in-polygon test would otherwise decompress a part every time, and an
-- import compress every zone (pglz on coordinates saves little and costs much).
ALTER TABLE hazard_zone ALTER COLUMN geom SET STORAGE EXTERNAL;
ALTER TABLE hazard_zone_part ALTER COLUMN geom SET STORAGE EXTERNAL;
CREATE INDEX hazard_zone_part_zone ON hazard_zone_part (zone_id);
CREATE INDEX hazard_zone_part_version ON hazard_zone_part (version_id);
CREATE INDEX hazard_zone_part_geom ON hazard_zone_part USING gist (geom);

-- Long imports run as jobs. Progress is written here as it happens, so any instance can answer GET /api/imports/{id}.
CREATE TABLE import_job (
    id               uuid PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('HAZARD', 'BOUNDARY', 'SHELTER')),
    layer_name       text        NOT NULL,
    hazard_type      text,
    file_name        text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    phase            text        NOT NULL,
    done             bigint      NOT NULL DEFAULT 0,
    total            bigint,
    detail           text,
    errors           jsonb,
    report           jsonb,
    layer_version_id bigint REFERENCES geo_layer_version (id),
    requested_by     bigint REFERENCES app_user (id),
    node             text        NOT NULL,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz
);
CREATE INDEX import_job_created ON import_job (created_at);
