-- Whether a family can be emailed, in one place: consent to email contact and a guardian's address (the first in the
-- form's order that is not blank). The safety check's start, its preview's counts and its sample all read this, so the
-- preview's count can't drift from what is sent.
CREATE VIEW household_email_reach AS
SELECT h.id AS household_id,
       m.email,
       h.email_contact_consent AND m.email IS NOT NULL AS can_be_emailed,
       CASE WHEN NOT h.email_contact_consent THEN 'メール連絡の同意がありません'
            WHEN m.email IS NULL THEN 'メールアドレスが登録されていません' END AS not_emailed_reason
FROM household h
LEFT JOIN LATERAL (SELECT btrim(g.email) AS email FROM guardian g
                   WHERE g.household_id = h.id AND g.email IS NOT NULL AND btrim(g.email) <> ''
                   ORDER BY g.position LIMIT 1) m ON true;
