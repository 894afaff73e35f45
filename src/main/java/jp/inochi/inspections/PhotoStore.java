package jp.inochi.inspections;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import jp.inochi.platform.problem.InochiException;
import jp.inochi.platform.problem.ProblemType;

/**
 * Inspection photos on disk under {@code inochi.files.dir}: an upload is written to {@code tmp/} first and moved into
 * {@code inspections/<id>/} in one step, so a reader never sees a half-written photo.
 */
@Singleton
class PhotoStore {
    private final Path root;
    private final long maxBytes;

    PhotoStore(FileSettings settings) {
        this.root = Path.of(settings.dir()).toAbsolutePath();
        this.maxBytes = settings.maxPhotoBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Copies the upload to a temporary file, refusing (and removing it) as soon as it passes the size limit. */
    Path receive(InputStream in) {
        Path temp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(tmpDir, "upload-", ".part");
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw new InochiException(ProblemType.VALIDATION_FAILED, "ファイルが空です");
            }
            return temp;
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(temp);
            throw e;
        }
    }

    InochiException tooLarge() {
        return new InochiException(ProblemType.PAYLOAD_TOO_LARGE,
                "写真は1枚 " + (maxBytes / (1024 * 1024.0)) + " MB までです。小さくしてから送ってください");
    }

    /** Moves the checked upload to its final name in one step. */
    Path commit(Path temp, long inspectionId, String storedName) {
        try {
            Path target = Files.createDirectories(root.resolve("inspections").resolve(Long.toString(inspectionId)))
                    .resolve(storedName);
            try {
                return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(temp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(long inspectionId, String storedName) {
        return root.resolve("inspections").resolve(Long.toString(inspectionId)).resolve(storedName);
    }

    void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover in tmp/ holds no reference from the database and is safe to remove by hand.
        }
    }
}
