package jp.inochi.layers.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Several files of one format read as one layer (a KSJ ZIP holds one shapefile per river, for example). They must
 * declare the same CRS; feature numbers run on across the files.
 */
final class CompositeFeatureReader implements FeatureReader {
    private final List<LongFunction<FeatureReader>> parts;
    private final List<FeatureReader> readers = new ArrayList<>();
    private int current;

    CompositeFeatureReader(List<LongFunction<FeatureReader>> parts) {
        this.parts = parts;
    }

    @Override
    public SourceDescription describe() throws IOException {
        long first = 1;
        Set<String> fields = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        DeclaredCrs crs = null;
        String format = null;
        for (LongFunction<FeatureReader> part : parts) {
            FeatureReader reader = part.apply(first);
            readers.add(reader);
            SourceDescription description = reader.describe();
            if (crs == null) {
                crs = description.crs();
                format = description.format();
            } else if (!sameCrs(crs, description.crs())) {
                throw new UnreadableFileException(description.fileName() + " の座標系（" + description.crs().declaredAs()
                        + "）が " + names.get(0) + " の座標系（" + crs.declaredAs() + "）と違います。"
                        + "座標系の違うファイルは別々に読み込んでください");
            }
            names.add(description.fileName());
            fields.addAll(description.fieldNames());
            warnings.addAll(description.warnings());
            first += description.featureCount();
        }
        return new SourceDescription(format, String.join(", ", names), crs, new ArrayList<>(fields), first - 1, warnings);
    }

    private static boolean sameCrs(DeclaredCrs a, DeclaredCrs b) {
        return Objects.equals(a.epsg(), b.epsg()) && Objects.equals(normal(a.wkt()), normal(b.wkt()));
    }

    private static String normal(String wkt) {
        return wkt == null ? null : wkt.replaceAll("\\s+", "");
    }

    @Override
    public SourceFeature next() throws IOException {
        while (current < readers.size()) {
            SourceFeature feature = readers.get(current).next();
            if (feature != null) {
                return feature;
            }
            readers.get(current).close();
            current++;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        for (FeatureReader reader : readers) {
            reader.close();
        }
    }
}
