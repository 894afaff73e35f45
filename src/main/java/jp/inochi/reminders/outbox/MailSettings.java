package jp.inochi.reminders.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The sender of every email ({@code inochi.mail.*}; env {@code INOCHI_MAIL_FROM}...). Replies go to the center.
 * The SMTP server itself is {@code javamail.properties.mail.smtp.*} ({@code INOCHI_SMTP_HOST}, {@code INOCHI_SMTP_PORT}).
 */
@ConfigurationProperties("inochi.mail")
public record MailSettings(
        @Bindable(defaultValue = "info@kumamoto-children.net") String from,
        @Bindable(defaultValue = "熊本県医療的ケア児支援センター") String fromName,
        @Bindable(defaultValue = "info@kumamoto-children.net") String replyTo) {
}
