package jp.inochi.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.inochi.platform.problem.InochiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first center admin, from {@code INOCHI_ADMIN_USERNAME} and {@code INOCHI_ADMIN_PASSWORD} at start
 * (optional {@code INOCHI_ADMIN_DISPLAY_NAME}, {@code INOCHI_ADMIN_EMAIL}); only when no enabled admin exists,
 * so leaving the variables set never overwrites anyone. A password that breaks the policy stops the start,
 * with the reason and without the password.
 */
@Singleton
@Requires(property = "inochi.admin.username")
@Requires(property = "inochi.admin.password")
final class FirstAdmin implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final String username;
    private final String password;
    private final String displayName;
    private final String email;

    FirstAdmin(Users users, @Value("${inochi.admin.username}") String username,
               @Value("${inochi.admin.password}") String password,
               @Value("${inochi.admin.display-name:センター管理者}") String displayName,
               @Nullable @Value("${inochi.admin.email:}") String email) {
        this.users = users;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.email = email == null || email.isBlank() ? null : email;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (users.anyEnabledAdmin()) {
            LOG.info("INOCHI_ADMIN_USERNAME is set but an enabled center admin exists; no admin created");
            return;
        }
        try {
            AppUser admin = users.createAdmin(username, displayName, password, email, "INOCHI_ADMIN_USERNAME at start");
            LOG.info("First center admin created from INOCHI_ADMIN_USERNAME: user id {}", admin.id());
        } catch (InochiException refused) {
            throw new ConfigurationException("INOCHI_ADMIN_USERNAME / INOCHI_ADMIN_PASSWORD: " + refused.detail()
                    + refused.extensions().getOrDefault("errors", ""));
        }
    }
}
