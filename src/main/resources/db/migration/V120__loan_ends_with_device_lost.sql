-- A device the family lost (紛失) can't be received back: its return is opened for that reason and the loan ends
-- without the device, which is written off.
ALTER TABLE loan DROP CONSTRAINT loan_return_reason_check;
ALTER TABLE loan ADD CONSTRAINT loan_return_reason_check
    CHECK (return_reason IN ('MOVED_OUT_OF_PREFECTURE', 'WEANED_OFF_VENTILATOR', 'TERM_ENDED', 'INSPECTION_FAILED',
                             'FAMILY_REQUEST', 'DEVICE_LOST', 'OTHER'));
