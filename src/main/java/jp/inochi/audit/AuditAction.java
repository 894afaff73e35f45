package jp.inochi.audit;

/** What was done. READ and EXPORT are recorded for every household whose personal data was shown. */
public enum AuditAction {
    READ, EXPORT, CREATE, UPDATE, DELETE, TRANSITION, LOGIN, LOGIN_FAILED, DECLARE, EXTEND, END
}
