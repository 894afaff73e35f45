package jp.inochi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real zip bomb: a shapefile ZIP whose {@code .dbf} is 2 GB of zeros, deflated at level 9 to about 2 MB. Deflating
 * 2 GB takes a while on a shared machine, so it is made once per test run and reused.
 */
public final class ZipBombs {
    public static final long DBF_BYTES = 2048L * 1024 * 1024;
    private static Path shapefileBomb;

    private ZipBombs() {
    }

    /** {@code 浸水想定区域.zip}: {@code A31/flood.shp} (100 bytes), {@code A31/flood.prj}, {@code A31/flood.dbf} (2 GB of zeros). */
    public static synchronized Path shapefileWithTwoGigabyteDbf() {
        if (shapefileBomb == null) {
            try {
                Path directory = Files.createTempDirectory("inochi-test-bomb-");
                directory.toFile().deleteOnExit();
                Path zip = directory.resolve("浸水想定区域.zip");
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    out.setLevel(9);
                    out.putNextEntry(new ZipEntry("A31/flood.shp"));
                    out.write(new byte[100]);
                    out.closeEntry();
                    out.putNextEntry(new ZipEntry("A31/flood.prj"));
                    out.write("GEOGCS[\"GCS_JGD_2011\"]".getBytes());
                    out.closeEntry();
                    out.putNextEntry(new ZipEntry("A31/flood.dbf"));
                    byte[] zeros = new byte[1 << 20];
                    for (long written = 0; written < DBF_BYTES; written += zeros.length) {
                        out.write(zeros);
                    }
                    out.closeEntry();
                }
                zip.toFile().deleteOnExit();
                shapefileBomb = zip;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shapefileBomb;
    }
}
