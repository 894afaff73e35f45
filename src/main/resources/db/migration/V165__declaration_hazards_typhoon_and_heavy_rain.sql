-- A declaration names its own hazard: a typhoon or heavy rain is declared as such, not as a flood by default.
ALTER TABLE disaster_declaration DROP CONSTRAINT disaster_declaration_hazard;
ALTER TABLE disaster_declaration ADD CONSTRAINT disaster_declaration_hazard
    CHECK (hazard_type IN ('TYPHOON', 'HEAVY_RAIN', 'FLOOD', 'LANDSLIDE', 'TSUNAMI', 'STORM_SURGE', 'EARTHQUAKE',
                           'VOLCANO', 'OTHER'));
