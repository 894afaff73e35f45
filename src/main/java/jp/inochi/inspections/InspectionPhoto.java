package jp.inochi.inspections;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A photo taken at a check; the bytes are a file under {@code inochi.files.dir}, named by {@code storedName}. */
@Serdeable
@MappedEntity("inspection_photo")
public record InspectionPhoto(
        @Id @GeneratedValue @Nullable Long id,
        long inspectionId,
        String storedName,
        @Nullable String originalName,
        String contentType,
        long sizeBytes,
        String sha256,
        int width,
        int height,
        @Nullable Long uploadedBy,
        Instant uploadedAt) {
}
