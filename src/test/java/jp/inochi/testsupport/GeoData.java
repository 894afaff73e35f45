package jp.inochi.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Kumamoto data of {@code ../shared/geodata} (see its ATTRIBUTION.md), read in place: from /work/main it is
 * {@code ../shared/geodata}, from a worktree {@code /work/shared/geodata}. Never copied into the repository.
 */
public final class GeoData {
    public static final String FLOOD_SUBSET = "kumamoto_flood_A31b_max2023_subset_hitoyoshi_kumamura.geojson";
    public static final String FLOOD_FULL = "kumamoto_flood_A31b_max2023_full.geojson";
    public static final String TAMANA_LANDSLIDE = "kumamoto_tamana_landslide_zone_sample_plateau2024.geojson";
    public static final String MUNICIPALITIES_45 = "kumamoto_admin_n03_2020_municipalities45.geojson";
    public static final String WARDS_49 = "kumamoto_admin_n03_2020_wards49.geojson";
    public static final String SHELTERS_EVACUATION = "kumamoto_shelters_designated_evacuation_gsi.geojson";
    public static final String SHELTERS_EMERGENCY = "kumamoto_shelters_designated_emergency_sites_gsi.geojson";
    public static final String MACHIAZA_POINTS = "kumamoto_machiaza_points_geolonia.geojson";

    private GeoData() {
    }

    public static Path directory() {
        for (Path candidate : List.of(Path.of("../shared/geodata"), Path.of("/work/shared/geodata"))) {
            if (Files.isRegularFile(candidate.resolve("ATTRIBUTION.md"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("The shared geodata directory was not found at ../shared/geodata or /work/shared/geodata");
    }

    public static Path file(String name) {
        Path file = directory().resolve(name);
        assertTrue(Files.isRegularFile(file), "missing geodata file " + file);
        return file;
    }

    /** Runs Debian's ogr2ogr (package gdal-bin, installed by bin/setup-host test) with the arguments. */
    public static void ogr2ogr(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogr2ogr"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("ogr2ogr is needed to write the test shapefiles and GeoPackages: run bin/setup-host test (apt-get install gdal-bin)");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("ogr2ogr " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
