-- The moment an attempt began talking to the mail server, committed just before the SMTP conversation. When an
-- instance dies mid-send, the one that takes the message over marks it redelivered (the family may get it twice) only
-- if the interrupted attempt had begun talking; an attempt that died before that is a plain retry.
ALTER TABLE outbox_attempt ADD COLUMN smtp_started_at timestamptz;

-- The setting that replaces this key is INOCHI_LINKS_SECRET (inochi.links.secret); V51's comment misnames it.
COMMENT ON TABLE link_signing_key IS 'Signs the links in emails unless INOCHI_LINKS_SECRET (inochi.links.secret) is set';
