package jp.inochi.disasters;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jp.inochi.disasters.model.ShelterReach;

/** {@code inochi.disasters.shelter-radius-km}: how far from a home the call list offers shelters (default 10 km). */
@ConfigurationProperties("inochi.disasters")
record ShelterReachSettings(@Bindable(defaultValue = "10") int shelterRadiusKm) {
    ShelterReach reach() {
        return new ShelterReach(shelterRadiusKm);
    }
}
