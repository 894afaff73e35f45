-- Applying while the child is still in the NICU is the normal case (seed 000, lines 486, 503): the application keeps
-- the planned discharge date; the handover needs the actual one and the child at home.
ALTER TABLE program_application ADD COLUMN planned_discharge_date date;
-- 在宅 (line 486): whether the child lives at home rather than in a hospital or facility; every family so far does.
ALTER TABLE household ADD COLUMN lives_at_home boolean NOT NULL DEFAULT true;
