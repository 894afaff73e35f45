package jp.inochi.layers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an import did: features read, imported, repaired and skipped (each with its number and reason), the CRS it
 * read the file in, and the version it made current. Kept with the layer version and returned by the job.
 */
@Serdeable
public record ImportReport(String layerName, LayerKind kind, @Nullable String hazardType, long layerId, long versionId,
                           int versionNo, @Nullable Long previousVersionId, String format, String files,
                           String sourceCrs, String crsDeclaredAs, String profile, String fieldsUsed,
                           long featureCount, long imported, long repairedCount, long skippedCount, long partCount,
                           List<Entry> repaired, List<Entry> skipped, List<String> warnings, long millis) {

    /** One feature that was repaired or skipped. */
    @Serdeable
    public record Entry(long featureIndex, String where, String reason) {
    }
}
