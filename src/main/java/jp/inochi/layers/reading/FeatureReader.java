package jp.inochi.layers.reading;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads one vector file format, in two passes (the h2gis driver shape): {@link #describe()} reads what the file
 * declares (CRS, fields, feature count) before anything is written; {@link #next()} then streams the features
 * in file order. Problems name the feature and the field, in Japanese, as {@link UnreadableFileException}.
 */
public interface FeatureReader extends Closeable {

    /** Pass 1: the file's CRS, fields and number of features. */
    SourceDescription describe() throws IOException;

    /** Pass 2: the next feature, or null after the last. */
    SourceFeature next() throws IOException;
}
