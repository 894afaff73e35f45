-- 非常用電源装置: the sine-wave inverter generators the center lends (seed 000, line 521).
CREATE TABLE device (
    id                     bigserial PRIMARY KEY,
    serial_number          text          NOT NULL UNIQUE CHECK (length(serial_number) BETWEEN 1 AND 64),
    manufacturer           text          NOT NULL,
    model                  text          NOT NULL,
    rated_output_watts     integer       NOT NULL CHECK (rated_output_watts > 0),
    sine_wave              boolean       NOT NULL,
    fuel_type              text          NOT NULL CHECK (fuel_type IN ('GASOLINE', 'LPG')),
    tank_litres            numeric(5, 2) NOT NULL CHECK (tank_litres > 0),
    -- hours one full tank lasts at the ventilator's load; with the litres a family stores this gives power autonomy
    runtime_hours_per_tank numeric(5, 1) NOT NULL CHECK (runtime_hours_per_tank > 0),
    purchase_date          date          NOT NULL,
    condition              text          NOT NULL CHECK (condition IN ('GOOD', 'WORN', 'DAMAGED')),
    state                  text          NOT NULL CHECK (state IN ('AVAILABLE', 'RESERVED', 'ON_LOAN', 'IN_INSPECTION',
                                                                   'IN_REPAIR', 'RETIRED')),
    notes                  text,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    version                bigint        NOT NULL DEFAULT 0
);
CREATE INDEX device_state ON device (state);
