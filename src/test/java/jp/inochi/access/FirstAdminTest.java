package jp.inochi.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jp.inochi.testsupport.FreshDatabase;
import org.junit.jupiter.api.Test;

/** The first admin of a new installation, on databases of their own (the shared test database has admins). */
class FirstAdminTest {
    private static final String PASSWORD = "first-admin-pass-2026";

    @Test
    void firstAdminComesFromTheEnvironmentOnlyWhileNoAdminExists() throws Exception {
        FreshDatabase database = FreshDatabase.create("first_admin");
        try (ApplicationContext context = ApplicationContext.run(withAdmin(database, "chief", PASSWORD), "test")) {
            AppUser chief = context.getBean(AppUserRepository.class).findByUsername("chief").orElseThrow();
            assertEquals(Role.CENTER_ADMIN, chief.role());
            assertTrue(context.getBean(PasswordHasher.class).matches(PASSWORD, chief.passwordHash()));
        }
        // Started again with other values: the admin exists, nothing is created or overwritten.
        try (ApplicationContext context = ApplicationContext.run(withAdmin(database, "second", "another-password-99"), "test")) {
            AppUserRepository users = context.getBean(AppUserRepository.class);
            assertTrue(users.findByUsername("second").isEmpty());
            assertTrue(context.getBean(PasswordHasher.class)
                    .matches(PASSWORD, users.findByUsername("chief").orElseThrow().passwordHash()));
        }
        assertEquals(1, database.queryForLong("SELECT count(*) FROM app_user WHERE role = 'CENTER_ADMIN'"));
        assertEquals(1, database.queryForLong("SELECT count(*) FROM audit_log WHERE action = 'CREATE' AND subject_type = 'app_user'"
                + " AND actor_username = 'system' AND resource = 'INOCHI_ADMIN_USERNAME at start'"));
    }

    @Test
    void aWeakFirstAdminPasswordStopsTheStartWithTheReasonButNotThePassword() {
        FreshDatabase database = FreshDatabase.create("weak_admin");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(withAdmin(database, "chief", "short-pw"), "test").close());
        String messages = allMessages(refused);
        assertTrue(messages.contains("パスワードは12文字以上にしてください"), messages);
        assertFalse(messages.contains("short-pw"), messages);
    }

    @Test
    void createAdminCommandReadsThePasswordFromStandardInputAndAuditsTheAdmin() throws Exception {
        FreshDatabase database = FreshDatabase.create("cli_admin");
        try (ApplicationContext context = ApplicationContext.run(database.properties(), "test")) {
            int exit = CreateAdminCommand.run(context, stdin(PASSWORD + "\n"),
                    "--username", "night-admin", "--display-name", "夜間管理者");
            assertEquals(CreateAdminCommand.OK, exit);
            AppUser admin = context.getBean(AppUserRepository.class).findByUsername("night-admin").orElseThrow();
            assertEquals("夜間管理者", admin.displayName());
            assertTrue(context.getBean(PasswordHasher.class).matches(PASSWORD, admin.passwordHash()));

            assertEquals(CreateAdminCommand.REFUSED, CreateAdminCommand.run(context, stdin("too-short\n"), "--username", "weak-admin"));
            assertEquals(CreateAdminCommand.REFUSED, CreateAdminCommand.run(context, stdin(PASSWORD + "\n"), "--username", "night-admin"));
            assertEquals(CreateAdminCommand.REFUSED, CreateAdminCommand.run(context, stdin(""), "--username", "no-password"));
        }
        assertEquals(1, database.queryForLong("SELECT count(*) FROM app_user"));
        assertEquals(1, database.queryForLong("SELECT count(*) FROM audit_log WHERE resource = 'CLI create-admin'"));
    }

    private static Map<String, Object> withAdmin(FreshDatabase database, String username, String password) {
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("inochi.admin.username", username);
        properties.put("inochi.admin.password", password);
        return properties;
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String allMessages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
