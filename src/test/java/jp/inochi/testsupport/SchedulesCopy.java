package jp.inochi.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A test's own copy of every file in schedules/ (the service stops at start without one), to change one and delete all. */
public final class SchedulesCopy {

    private SchedulesCopy() {
    }

    /** A new temporary directory holding a copy of each file of schedules/; a test overwrites the ones it changes. */
    public static Path ofAll() {
        try {
            Path dir = Files.createTempDirectory("inochi-schedules-");
            try (Stream<Path> files = Files.list(Path.of("schedules"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the copy made by {@link #ofAll()} with whatever files the test wrote into it. */
    public static void delete(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the copy when the test JVM exits: for copies made in a property provider, which has no end of its own. */
    public static Path deletedOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        return dir;
    }
}
