-- Administrative areas (KSJ N03) from a BOUNDARY layer: a municipality, or one of 熊本市's wards.
CREATE TABLE admin_area (
    id                bigserial PRIMARY KEY,
    version_id        bigint     NOT NULL REFERENCES geo_layer_version (id) ON DELETE CASCADE,
    feature_index     integer    NOT NULL,
    code              varchar(5) NOT NULL,
    municipality_code varchar(5) NOT NULL REFERENCES municipality (code),
    ward_code         varchar(5) REFERENCES municipality (code),
    name              text,
    attributes        jsonb      NOT NULL,
    geom              geometry(MultiPolygon, 6668) NOT NULL
);
CREATE INDEX admin_area_version ON admin_area (version_id);
CREATE INDEX admin_area_geom ON admin_area USING gist (geom);

CREATE TABLE admin_area_part (
    area_id           bigint     NOT NULL REFERENCES admin_area (id) ON DELETE CASCADE,
    version_id        bigint     NOT NULL,
    municipality_code varchar(5) NOT NULL,
    ward_code         varchar(5),
    geom              geometry(Polygon, 6668) NOT NULL
);
ALTER TABLE admin_area ALTER COLUMN geom SET STORAGE EXTERNAL;
ALTER TABLE admin_area_part ALTER COLUMN geom SET STORAGE EXTERNAL;
CREATE INDEX admin_area_part_area ON admin_area_part (area_id);
CREATE INDEX admin_area_part_geom ON admin_area_part USING gist (geom);

-- Where each household's home lies according to the current boundary layers, beside the municipality the
-- family stated. Kept here, not on household, so the households feature owns its table alone.
-- mismatch_reason: MUNICIPALITY (another municipality), WARD (another ward of 熊本市), OUTSIDE (in no area).
CREATE TABLE household_place (
    household_id              bigint PRIMARY KEY REFERENCES household (id) ON DELETE CASCADE,
    located_municipality_code varchar(5) REFERENCES municipality (code),
    located_ward_code         varchar(5) REFERENCES municipality (code),
    mismatch                  boolean     NOT NULL,
    mismatch_reason           text CHECK (mismatch_reason IN ('MUNICIPALITY', 'WARD', 'OUTSIDE')),
    boundary_version_ids      bigint[]    NOT NULL,
    location                  geometry(Point, 6668) NOT NULL,
    stated_municipality_code  varchar(5),
    stated_ward_code          varchar(5),
    evaluated_at              timestamptz NOT NULL,
    CHECK (mismatch = (mismatch_reason IS NOT NULL))
);
CREATE INDEX household_place_mismatch ON household_place (located_municipality_code) WHERE mismatch;
