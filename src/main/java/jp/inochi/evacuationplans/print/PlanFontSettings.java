package jp.inochi.evacuationplans.print;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The Japanese font embedded in printed plans ({@code inochi.print.font}, env {@code INOCHI_PRINT_FONT}): by default
 * IPAexゴシック from the Debian package fonts-ipaexfont-gothic, which {@code bin/setup-host} installs.
 */
@ConfigurationProperties("inochi.print")
public record PlanFontSettings(@Bindable(defaultValue = PlanFont.DEFAULT_FILE) String font) {
}
