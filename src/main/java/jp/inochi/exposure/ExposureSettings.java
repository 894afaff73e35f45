package jp.inochi.exposure;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code inochi.exposure.landslide-near-metres}: a home this close to a landslide zone (default 50 m) is reported as
 * near (近接), not as 指定なし.
 */
@ConfigurationProperties("inochi.exposure")
public record ExposureSettings(@Bindable(defaultValue = "50") double landslideNearMetres) {

    /** A bounding-box margin in degrees that covers the distance anywhere in Japan (1° of longitude ≥ 77 km up to 46° N). */
    double nearDegrees() {
        return landslideNearMetres / 77_000.0;
    }
}
