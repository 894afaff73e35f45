package jp.inochi.platform.database;

/** Whether this JVM runs as root, where PostgreSQL must be started as the postgres user instead. */
final class RunningUser {
    private RunningUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
