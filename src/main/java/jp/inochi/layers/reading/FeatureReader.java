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

    /**
     * Pass 1 for a caller that needs features: a file without any (an empty FeatureCollection, a shapefile of no
     * records) is refused saying so, before a missing field or CRS is blamed for it.
     */
    default SourceDescription describeFeatures() throws IOException {
        SourceDescription source = describe();
        if (source.featureCount() == 0) {
            throw new UnreadableFileException(source.fileName() + " には地物が1件もありません（" + source.format()
                    + "）。地物を含むファイルを送ってください");
        }
        return source;
    }

    /** Pass 2: the next feature, or null after the last. */
    SourceFeature next() throws IOException;
}
