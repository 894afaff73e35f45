package jp.inochi.hazards;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.inochi.hazards.model.FloodDepthRank;
import jp.inochi.hazards.model.HazardType;
import jp.inochi.hazards.model.LandslideZone;
import jp.inochi.hazards.model.Legend;

/**
 * The map's legend from the hazards feature's own {@link Legend}: the standard flood-depth colours (#F7F5A9 …
 * #DC7ADC, domain.md) with their depth bands, yellow and red for landslide zones. Tsunami and storm surge keep the
 * depth bands but have colour scales of their own (blue-purple, teal), so they are never read as a river flood.
 */
@Singleton
public class HazardLegend {
    private final JsonMapper json;

    HazardLegend(JsonMapper json) {
        this.json = json;
    }

    @Serdeable
    public record Entry(String colour, String label) {
    }

    /** {@code name} is the type's own word (洪水), {@code label} names what the colours measure (洪水（浸水深）). */
    @Serdeable
    public record Type(String code, String name, String label, int maxSeverity, Map<Integer, String> colours,
                       Map<Integer, String> labels, boolean shown) {
        public List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            colours.forEach((severity, colour) -> entries.add(new Entry(colour, labels.get(severity))));
            return entries;
        }
    }

    /** Every type; {@code shown} says which the legend lists (those with a layer). */
    public List<Type> types(Set<HazardType> withLayers) {
        List<Type> types = new ArrayList<>();
        for (HazardType type : HazardType.values()) {
            Map<Integer, String> colours = new LinkedHashMap<>();
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (int severity = 1; severity <= type.maxSeverity(); severity++) {
                colours.put(severity, Legend.colour(type, severity));
                int s = severity;
                labels.put(severity, type == HazardType.LANDSLIDE
                        ? LandslideZone.ofCode(s).map(LandslideZone::label).orElse(String.valueOf(s))
                        : FloodDepthRank.ofRank(s).map(FloodDepthRank::label).orElse(String.valueOf(s)));
            }
            types.add(new Type(type.name(), type.label(), type.label() + (type == HazardType.LANDSLIDE ? "（警戒区域）" : "（浸水深）"),
                    type.maxSeverity(), colours, labels, withLayers.contains(type)));
        }
        return types;
    }

    /** The same, as the JSON the map script reads from its data attribute. */
    public String json(Set<HazardType> withLayers) {
        try {
            return json.writeValueAsString(Map.of("types", types(withLayers)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
