-- Issue 13: the shelters that are safe in an event (福祉避難所 candidates and 指定避難所 of the current shelter layers
-- outside every hazard the event covers), found once per event in one set-based statement instead of testing every
-- shelter of the prefecture against the hazard zones on each page of the call sheet. Recomputed when the event is
-- declared, when its area is evaluated again, and on the next read after any hazard or shelter layer got a new version.
CREATE TABLE disaster_event_safe_shelter (
    event_id   bigint NOT NULL REFERENCES disaster_event (id),
    -- no foreign key: a replaced shelter layer deletes its shelters, and the changed basis below makes the rows stale
    shelter_id bigint NOT NULL,
    PRIMARY KEY (event_id, shelter_id)
);

-- What an event's safe shelters were computed from: the hazard types avoided with their lowest severity, and the
-- current hazard and shelter layer versions at the time. Any difference from now means they are computed again.
CREATE TABLE disaster_event_safe_shelter_basis (
    event_id       bigint PRIMARY KEY REFERENCES disaster_event (id),
    avoided_types  text[]      NOT NULL,
    min_severities integer[]   NOT NULL,
    layer_versions bigint[]    NOT NULL,
    computed_at    timestamptz NOT NULL
);
