package jp.inochi.reminders;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The center's contact details printed in every email, and where the daily staff alerts go ({@code inochi.center.*}).
 * Defaults are the leaflet's 【お問合せ先】 (seed 000, lines 527-532).
 */
@Serdeable
@ConfigurationProperties("inochi.center")
public record CenterContact(
        @Bindable(defaultValue = "熊本県医療的ケア児支援センター") String name,
        @Bindable(defaultValue = "熊本大学病院内") String location,
        @Bindable(defaultValue = "096-373-5653") String phone,
        @Bindable(defaultValue = "info@kumamoto-children.net") String email,
        @Bindable(defaultValue = "https://kumamoto-children.net/") String url,
        @Bindable(defaultValue = "info@kumamoto-children.net") String staffAlertsTo) {
}
