package jp.inochi.layers.reading;

import java.util.List;

/** What a file declares before its features are read. {@code featureCount} is exact. */
public record SourceDescription(String format, String fileName, DeclaredCrs crs, List<String> fieldNames,
                                long featureCount, List<String> warnings) {

    public SourceDescription {
        fieldNames = List.copyOf(fieldNames);
        warnings = List.copyOf(warnings);
    }
}
