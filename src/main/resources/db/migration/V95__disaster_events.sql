-- Disaster day (issue 8): an event declared over an area, the households it affects, their power autonomy, the
-- safety-check (安否確認) campaign by email and the follow-up of those not reached.

-- Power a family can use besides the ventilator's batteries and the loaned generator (a car that can supply power,
-- a portable power station, solar...), in hours at the ventilator's load. Recorded by center staff.
CREATE TABLE household_power_source (
    id           bigserial PRIMARY KEY,
    household_id bigint       NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    kind         text         NOT NULL CHECK (kind IN ('VEHICLE', 'PORTABLE_BATTERY', 'SOLAR', 'OTHER')),
    description  text CHECK (length(description) <= 200),
    hours        numeric(6, 1) NOT NULL CHECK (hours > 0 AND hours <= 2000),
    recorded_on  date         NOT NULL,
    recorded_by  bigint REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL
);
CREATE INDEX household_power_source_household ON household_power_source (household_id);

-- 医療的ケア児等コーディネーター of a municipality (seed 002, lines 9013-9014: a disaster-time network of municipal
-- and prefectural coordinators). Business contacts, not family data. One primary contact per municipality.
CREATE TABLE care_coordinator (
    id                bigserial PRIMARY KEY,
    municipality_code varchar(5)  NOT NULL REFERENCES municipality (code),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    organisation      text CHECK (length(organisation) <= 200),
    phone             text CHECK (length(phone) <= 40),
    email             text CHECK (length(email) <= 254),
    primary_contact   boolean     NOT NULL DEFAULT false,
    active            boolean     NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX care_coordinator_one_primary ON care_coordinator (municipality_code) WHERE primary_contact AND active;

-- A household's own coordinator; without one, the primary coordinator of its municipality is shown.
CREATE TABLE household_coordinator (
    household_id   bigint PRIMARY KEY REFERENCES household (id) ON DELETE CASCADE,
    coordinator_id bigint      NOT NULL REFERENCES care_coordinator (id),
    assigned_at    timestamptz NOT NULL,
    assigned_by    bigint REFERENCES app_user (id)
);

-- 災害対応: an event declared by the center over an area. The area is municipalities (or wards), a polygon (drawn or
-- uploaded, stored in EPSG:6668), or the zones of a hazard layer at or above a severity (the version used is kept).
CREATE TABLE disaster_event (
    id                      bigserial PRIMARY KEY,
    name                    text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    event_type              text        NOT NULL CHECK (event_type IN ('TYPHOON', 'HEAVY_RAIN', 'EARTHQUAKE',
                                                                       'POWER_OUTAGE', 'WATER_OUTAGE')),
    state                   text        NOT NULL CHECK (state IN ('ACTIVE', 'CLOSED')),
    area_kind               text        NOT NULL CHECK (area_kind IN ('MUNICIPALITIES', 'POLYGON', 'HAZARD_ZONES')),
    area_codes              varchar(5)[],
    area_layer_id           bigint REFERENCES geo_layer (id),
    area_layer_version_id   bigint REFERENCES geo_layer_version (id),
    area_min_severity       smallint,
    area_geom               geometry(MultiPolygon, 6668),
    area_source             text CHECK (length(area_source) <= 300),
    area_source_crs         text,
    area_description        text        NOT NULL,
    -- the municipalities of the affected households (officers see the events of theirs; declarations name them)
    municipality_codes      varchar(5)[] NOT NULL DEFAULT '{}',
    starts_at               timestamptz NOT NULL,
    -- when the power went out (remaining autonomy counts from it); NULL while it has not
    outage_started_at       timestamptz,
    expected_restoration_at timestamptz,
    note                    text CHECK (length(note) <= 2000),
    declaration_id          bigint REFERENCES disaster_declaration (id),
    declared_by             bigint      NOT NULL REFERENCES app_user (id),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    closed_at               timestamptz,
    closed_by               bigint REFERENCES app_user (id),
    close_reason            text CHECK (length(close_reason) <= 1000),
    version                 bigint      NOT NULL DEFAULT 0,
    CHECK ((area_kind = 'MUNICIPALITIES') = (area_codes IS NOT NULL)),
    CHECK ((area_kind = 'POLYGON') = (area_geom IS NOT NULL)),
    CHECK ((area_kind = 'HAZARD_ZONES') = (area_layer_id IS NOT NULL AND area_min_severity IS NOT NULL)),
    CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK (expected_restoration_at IS NULL OR outage_started_at IS NULL OR expected_restoration_at > outage_started_at)
);
CREATE INDEX disaster_event_municipalities ON disaster_event USING gin (municipality_codes);

-- Power comes back sooner in some areas than in others (seed 002, line 9692): an expected restoration per municipality
-- overrides the event's own.
CREATE TABLE disaster_event_restoration (
    event_id          bigint      NOT NULL REFERENCES disaster_event (id),
    municipality_code varchar(5)  NOT NULL REFERENCES municipality (code),
    expected_at       timestamptz NOT NULL,
    PRIMARY KEY (event_id, municipality_code)
);

-- The households an event affects, fixed when it is declared (and added to, never removed from, when its area is
-- evaluated again): the campaign emails exactly these, and the record says who was in the event.
-- LOCATION_UNKNOWN: a home without coordinates in a municipality the area touches; listed so nobody is missed.
CREATE TABLE disaster_event_household (
    event_id         bigint      NOT NULL REFERENCES disaster_event (id),
    household_id     bigint      NOT NULL REFERENCES household (id),
    included_because text        NOT NULL CHECK (included_because IN ('MUNICIPALITY', 'POLYGON', 'HAZARD_ZONE',
                                                                      'LOCATION_UNKNOWN')),
    zone_id          bigint,
    zone_severity    smallint,
    zone_label       text,
    included_at      timestamptz NOT NULL,
    PRIMARY KEY (event_id, household_id)
);
CREATE INDEX disaster_event_household_household ON disaster_event_household (household_id);

-- 安否確認: one campaign per event; families reply through signed links until reply_due_at, then the ones not
-- reached are called.
CREATE TABLE safety_check_campaign (
    id                 bigserial PRIMARY KEY,
    event_id           bigint      NOT NULL UNIQUE REFERENCES disaster_event (id),
    started_at         timestamptz NOT NULL,
    started_by         bigint      NOT NULL REFERENCES app_user (id),
    reply_within       interval    NOT NULL CHECK (reply_within >= interval '15 minutes'
                                                   AND reply_within <= interval '72 hours'),
    links_expire_at    timestamptz NOT NULL CHECK (links_expire_at > started_at),
    message            text CHECK (length(message) <= 1000),
    -- the staff email sent when the reply time of the first families ran out
    unreached_alert_id bigint REFERENCES outbox_message (id)
);

-- One safety-check email per campaign and household, through the outbox (dedupe key safety-check:<campaign>:<household>).
CREATE TABLE safety_check (
    id                 bigserial PRIMARY KEY,
    campaign_id        bigint      NOT NULL REFERENCES safety_check_campaign (id),
    event_id           bigint      NOT NULL REFERENCES disaster_event (id),
    household_id       bigint      NOT NULL REFERENCES household (id),
    email_state        text        NOT NULL CHECK (email_state IN ('QUEUED', 'SENT', 'NOT_EMAILED', 'FAILED',
                                                                   'CANCELLED')),
    not_emailed_reason text,
    message_id         bigint REFERENCES outbox_message (id),
    reply_due_at       timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    sent_at            timestamptz,
    updated_at         timestamptz NOT NULL,
    UNIQUE (campaign_id, household_id),
    UNIQUE (event_id, household_id)
);

-- Every contact with a family during an event, as it happened: a reply through a link in the email, a phone call
-- (reached or not), a visit. Never changed: a correction is a new contact. The family's status is its latest reply.
CREATE TABLE safety_contact (
    id              bigserial PRIMARY KEY,
    event_id        bigint      NOT NULL REFERENCES disaster_event (id),
    household_id    bigint      NOT NULL REFERENCES household (id),
    safety_check_id bigint REFERENCES safety_check (id),
    method          text        NOT NULL CHECK (method IN ('EMAIL_LINK', 'PHONE', 'VISIT', 'OTHER')),
    outcome         text        NOT NULL CHECK (outcome IN ('REPLIED', 'REACHED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER',
                                                            'LEFT_MESSAGE')),
    reply           text CHECK (reply IN ('SAFE_AT_HOME', 'EVACUATED', 'NEEDS_POWER', 'NEEDS_HELP')),
    detail          text CHECK (length(detail) <= 500),
    token_id        text UNIQUE REFERENCES link_use (token_id),
    contacted_at    timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     bigint REFERENCES app_user (id),
    CHECK ((outcome IN ('REPLIED', 'REACHED')) = (reply IS NOT NULL)),
    CHECK ((method = 'EMAIL_LINK') = (token_id IS NOT NULL)),
    CHECK ((method = 'EMAIL_LINK') = (outcome = 'REPLIED'))
);
CREATE INDEX safety_contact_event_household ON safety_contact (event_id, household_id, contacted_at DESC, id DESC);
CREATE TRIGGER safety_contact_no_update_or_delete
    BEFORE UPDATE OR DELETE ON safety_contact
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER safety_contact_no_truncate
    BEFORE TRUNCATE ON safety_contact
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- The event's steps go into the shared lifecycle timeline (declared, outage updated, area evaluated again, municipal
-- access opened, safety check started, closed).
ALTER TABLE lifecycle_event DROP CONSTRAINT lifecycle_event_subject_type_check;
ALTER TABLE lifecycle_event ADD CONSTRAINT lifecycle_event_subject_type_check
    CHECK (subject_type IN ('PROGRAM_APPLICATION', 'LOAN_APPLICATION', 'LOAN', 'DEVICE', 'INSPECTION', 'INCIDENT',
                            'HOUSEHOLD', 'TERMS_ACCEPTANCE', 'DISASTER_EVENT'));
