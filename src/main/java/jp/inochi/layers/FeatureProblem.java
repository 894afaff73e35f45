package jp.inochi.layers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A problem with one feature: which one (number in the import, file, number in the file), which field, and why. */
@Serdeable
public record FeatureProblem(long featureIndex, String file, long indexInFile, @Nullable String field, String message) {

    public String describe() {
        return file + " の " + indexInFile + "番目の地物" + (field == null ? "" : "の項目「" + field + "」") + ": " + message;
    }
}
