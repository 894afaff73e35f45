package jp.inochi.layers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;
import jp.inochi.layers.reading.archive.SafeUnzip;

/**
 * Limits and places for imports ({@code inochi.import.*}). Uploads over {@code max-upload-size} are refused before
 * they are read; a ZIP is refused from its central directory, before anything is written, when it declares more than
 * {@code max-unpacked-size} in all, more than {@code max-zip-entries} files, or an entry of a few MB compressed more than
 * {@code max-compression-ratio} times (a zip bomb); unpacking stops when an entry writes more than it declared. Every
 * {@code heartbeat} an instance says it still runs its jobs and looks for jobs whose heartbeat is older than
 * {@code stale-after}: their instance died, so they are ended as failed and their files deleted.
 */
@ConfigurationProperties("inochi.import")
public record ImportSettings(
        @Bindable(defaultValue = "100MB") @ReadableBytes long maxUploadSize,
        @Bindable(defaultValue = "2048MB") @ReadableBytes long maxUnpackedSize,
        @Bindable(defaultValue = "2000") int maxZipEntries,
        @Bindable(defaultValue = "100") int maxCompressionRatio,
        @Bindable(defaultValue = "1024") int subdivideVertices,
        @Bindable(defaultValue = "200") int maxReportedEntries,
        @Bindable(defaultValue = "50") int maxProblems,
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "10s") Duration heartbeat,
        @Bindable(defaultValue = "1m") Duration staleAfter) {

    /** What a ZIP may unpack to, for every reader of uploaded files. */
    public SafeUnzip.Limits unzipLimits() {
        return new SafeUnzip.Limits(maxUnpackedSize, maxZipEntries, maxCompressionRatio);
    }
}
