-- The one rule of who may see a household (V4, hardened in V70), unchanged in meaning; its declaration test now calls
-- active_disaster_declaration (V70, the one the audit log names) instead of a sub-select, so the rule is a plain
-- expression PostgreSQL inlines into every scoped query: a list of 6,380 households spent ~40 ms calling it row by row.
CREATE OR REPLACE FUNCTION household_access_basis(h household, viewer_role text, viewer_municipality text,
                                                  viewer_ward text, at timestamptz) RETURNS text
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN h.id IS NULL OR at IS NULL THEN NULL
           WHEN viewer_role = 'SYSTEM' THEN 'SYSTEM'
           WHEN viewer_role IN ('CENTER_ADMIN', 'CENTER_STAFF') THEN 'CENTER'
           WHEN viewer_role = 'MUNICIPAL_OFFICER'
               AND viewer_municipality IS NOT NULL
               AND h.municipality_code = viewer_municipality
               AND (viewer_ward IS NULL OR h.ward_code = viewer_ward) THEN
               CASE
                   WHEN h.shares_with_municipality THEN 'CONSENT'
                   WHEN active_disaster_declaration(h.municipality_code, at) IS NOT NULL THEN 'DECLARATION'
               END
       END
$$;
