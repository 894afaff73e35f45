-- The at-risk list (atrisk.AtRiskStatement) asks, for each home of a municipality, for its at-risk exposures: this
-- index holds only those rows (IN_ZONE, NEAR) with what the list ranks by, so a home 指定なし everywhere costs one
-- index probe and the others are read from the index without visiting the table (issue 17: 1,000,000 homes).
CREATE INDEX household_hazard_exposure_at_risk_by_household ON household_hazard_exposure (household_id)
    INCLUDE (hazard_type, status, severity) WHERE status <> 'NOT_DESIGNATED';
