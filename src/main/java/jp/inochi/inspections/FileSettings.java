package jp.inochi.inspections;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where uploaded files live and how big they may be ({@code inochi.files.*}; env {@code INOCHI_FILES_DIR}...).
 * Photos are kept on disk, not in the database; back the directory up with the database.
 */
@ConfigurationProperties("inochi.files")
public record FileSettings(
        @Bindable(defaultValue = "var/files") String dir,
        @Bindable(defaultValue = "10485760") long maxPhotoBytes,
        @Bindable(defaultValue = "40000000") long maxPhotoPixels,
        @Bindable(defaultValue = "20") int maxPhotosPerInspection) {
}
