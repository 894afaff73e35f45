-- Shelters from a SHELTER layer (GSI 指定緊急避難場所・指定避難所, or the demo's own list).
-- category: EVACUATION_SHELTER 指定避難所, EMERGENCY_SITE 指定緊急避難場所.
-- welfare_candidate: a 福祉避難所 candidate (the GSI file's 受入対象者 is set, or the file says so).
-- suitable_for: the hazard types an emergency site is designated for (GSI flags 洪水, 崖崩れ…, 津波, 高潮).
CREATE TABLE shelter (
    id                bigserial PRIMARY KEY,
    version_id        bigint  NOT NULL REFERENCES geo_layer_version (id) ON DELETE CASCADE,
    feature_index     integer NOT NULL,
    category          text    NOT NULL CHECK (category IN ('EVACUATION_SHELTER', 'EMERGENCY_SITE')),
    name              text    NOT NULL,
    address           text,
    municipality_code varchar(5),
    welfare_candidate boolean NOT NULL,
    accepts           text,
    suitable_for      text[]  NOT NULL DEFAULT '{}',
    source_id         text,
    attributes        jsonb   NOT NULL,
    geom              geometry(Point, 6668) NOT NULL
);
CREATE INDEX shelter_version ON shelter (version_id);
CREATE INDEX shelter_geom ON shelter USING gist (geom);
CREATE INDEX shelter_welfare_geom ON shelter USING gist (geom) WHERE welfare_candidate;
