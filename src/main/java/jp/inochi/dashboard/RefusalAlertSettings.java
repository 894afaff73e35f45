package jp.inochi.dashboard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * When one user's refusals within an hour alert the center ({@code inochi.refusal-alerts.threshold}, env
 * {@code INOCHI_REFUSAL_ALERTS_THRESHOLD}): more refusals than this in the hour before, and no alert about them in it.
 */
@ConfigurationProperties("inochi.refusal-alerts")
public record RefusalAlertSettings(@Bindable(defaultValue = "30") int threshold) {
}
