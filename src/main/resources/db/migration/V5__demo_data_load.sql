-- Which demo data sets the run command has loaded, so a restart does not load them twice.
CREATE TABLE demo_data_load (
    name      text PRIMARY KEY,
    loaded_at timestamptz NOT NULL,
    summary   text
);
