package jp.inochi.access;

/** Role names as strings, for {@code @Secured} annotations. */
public final class Roles {
    public static final String CENTER_ADMIN = "CENTER_ADMIN";
    public static final String CENTER_STAFF = "CENTER_STAFF";
    public static final String MUNICIPAL_OFFICER = "MUNICIPAL_OFFICER";
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
