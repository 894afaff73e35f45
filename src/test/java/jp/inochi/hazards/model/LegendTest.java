package jp.inochi.hazards.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Flood keeps the standard depth colours; tsunami and storm surge each have six colours of their own. */
class LegendTest {
    private static List<String> scale(HazardType type) {
        return IntStream.rangeClosed(1, type.maxSeverity()).mapToObj(rank -> Legend.colour(type, rank)).toList();
    }

    @Test
    void tsunamiAndStormSurgeShareNoColourWithFloodOrWithEachOther() {
        Set<String> seen = new HashSet<>();
        for (HazardType type : List.of(HazardType.FLOOD, HazardType.TSUNAMI, HazardType.STORM_SURGE)) {
            List<String> colours = scale(type);
            assertEquals(6, new HashSet<>(colours).size(), type + " has six distinct colours");
            for (String colour : colours) {
                assertTrue(seen.add(colour), colour + " of " + type + " is used by another depth hazard");
            }
        }
    }

    @Test
    void floodKeepsTheStandardDepthColours() {
        assertEquals(List.of("#F7F5A9", "#FFD8C0", "#FFB7B7", "#FF9191", "#F285C9", "#DC7ADC"), scale(HazardType.FLOOD));
    }
}
