-- A family in the program: the child, the care, the home, the consents and the power autonomy inputs.
CREATE TABLE household (
    id                             bigserial PRIMARY KEY,
    -- the child
    child_family_name              text        NOT NULL,
    child_given_name               text        NOT NULL,
    child_family_name_kana         text        NOT NULL,
    child_given_name_kana          text        NOT NULL,
    child_birth_date               date        NOT NULL,
    -- care
    nicu_institution               text        NOT NULL,
    nicu_in_kumamoto               boolean     NOT NULL,
    nicu_discharge_date            date,
    ventilator_dependent           boolean     NOT NULL DEFAULT true,
    ventilator_hours_per_day       numeric(3, 1) CHECK (ventilator_hours_per_day BETWEEN 0 AND 24),
    ventilator_off_minutes_per_day integer     CHECK (ventilator_off_minutes_per_day BETWEEN 0 AND 1440),
    other_care                     text,
    -- home
    postal_code                    text,
    address                        text        NOT NULL,
    prefecture_code                char(2)     NOT NULL,
    municipality_code              varchar(5)  REFERENCES municipality (code),
    ward_code                      varchar(5)  REFERENCES municipality (code),
    longitude                      double precision CHECK (longitude BETWEEN -180 AND 180),
    latitude                       double precision CHECK (latitude BETWEEN -90 AND 90),
    location                       geometry(Point, 6668) GENERATED ALWAYS AS (
        CASE WHEN longitude IS NOT NULL AND latitude IS NOT NULL
             THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 6668) END) STORED,
    -- consents
    shares_with_municipality       boolean     NOT NULL DEFAULT false,
    sharing_consent_date           date,
    email_contact_consent          boolean     NOT NULL DEFAULT false,
    -- power autonomy inputs
    ventilator_battery_hours       numeric(5, 1) CHECK (ventilator_battery_hours >= 0),
    spare_battery_count            integer     NOT NULL DEFAULT 0 CHECK (spare_battery_count >= 0),
    spare_battery_hours_each       numeric(5, 1) CHECK (spare_battery_hours_each >= 0),
    created_at                     timestamptz NOT NULL,
    updated_at                     timestamptz NOT NULL,
    version                        bigint      NOT NULL DEFAULT 0,
    -- A Kumamoto home names one of the 45 municipalities; a home elsewhere names none.
    CHECK ((prefecture_code = '43') = (municipality_code IS NOT NULL)),
    CHECK (ward_code IS NULL OR municipality_code = '43100'),
    CHECK ((longitude IS NULL) = (latitude IS NULL))
);
CREATE INDEX household_location ON household USING gist (location);
CREATE INDEX household_municipality ON household (municipality_code);

CREATE TABLE guardian (
    id           bigserial PRIMARY KEY,
    household_id bigint  NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    name         text    NOT NULL,
    name_kana    text,
    relationship text,
    email        text,
    phone        text,
    UNIQUE (household_id, position)
);

-- 災害時: while a declaration is active, its municipalities' officers also see households that did not consent.
CREATE TABLE disaster_declaration (
    id                 bigserial PRIMARY KEY,
    municipality_codes varchar(5)[] NOT NULL CHECK (cardinality(municipality_codes) > 0),
    hazard_type        text         NOT NULL,
    reason             text         NOT NULL,
    starts_at          timestamptz  NOT NULL,
    ends_at            timestamptz  NOT NULL CHECK (ends_at > starts_at),
    ended_at           timestamptz,
    declared_by        bigint       NOT NULL REFERENCES app_user (id),
    created_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0
);
CREATE INDEX disaster_declaration_municipalities ON disaster_declaration USING gin (municipality_codes);

-- The one rule of who may see a household, used by every query that returns household data.
-- NULL means "not visible"; otherwise the basis recorded in the audit log.
CREATE FUNCTION household_access_basis(h household, viewer_role text, viewer_municipality text,
                                       viewer_ward text, at timestamptz) RETURNS text
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN viewer_role = 'SYSTEM' THEN 'SYSTEM'
           WHEN viewer_role IN ('CENTER_ADMIN', 'CENTER_STAFF') THEN 'CENTER'
           WHEN viewer_role = 'MUNICIPAL_OFFICER'
               AND h.municipality_code = viewer_municipality
               AND (viewer_ward IS NULL OR h.ward_code = viewer_ward) THEN
               CASE
                   WHEN h.shares_with_municipality THEN 'CONSENT'
                   WHEN EXISTS (SELECT 1
                                FROM disaster_declaration d
                                WHERE viewer_municipality = ANY (d.municipality_codes)
                                  AND d.starts_at <= at
                                  AND at < coalesce(d.ended_at, d.ends_at)) THEN 'DECLARATION'
               END
       END
$$;
