package jp.inochi.reminders.outbox;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * The mail session of this application context, made from its own {@code javamail.properties}. Micronaut Email's
 * default takes JavaMail's JVM-wide {@code Session.getDefaultInstance}, which keeps the SMTP settings of whichever
 * context asked first: a second context in the same JVM (every test class with its own SMTP server) would send to the
 * first one's server.
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class ContextMailSession implements SessionProvider {
    private final Session session;

    ContextMailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        Properties mail = properties.mailProperties();
        if (authenticator != null && !mail.containsKey("mail.smtp.auth")) {
            mail.setProperty("mail.smtp.auth", "true");
        }
        this.session = Session.getInstance(mail, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
