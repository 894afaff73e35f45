package jp.inochi.layers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;

/**
 * What one kind of layer (hazard zones, boundaries, shelters) adds to the common import: the columns it stages for
 * each feature, how a feature's attributes become those values, and how staged rows become the version's data.
 * The importer does the rest: reading, CRS, validation and repair, versioning, progress.
 */
public interface LayerTarget {

    LayerKind kind();

    /** Areas (validated, repaired, subdivided) or points. */
    boolean polygons();

    /** The staged columns after the common ones, as SQL column definitions: {@code severity smallint}. */
    List<String> columns();

    /**
     * Refuses, with an {@link ImportFailure}, a request that can't become the next version of the layer of its name,
     * which exists (locked) and is stored with {@code hazardType}.
     */
    default void continuesLayer(ImportRequest request, String hazardType) {
    }

    /** Pass 1: checks the request against the file's fields; throws {@link ImportFailure} when they can't serve. */
    FeatureMapper bind(ImportRequest request, SourceDescription source, Connection connection) throws SQLException;

    /** Inserts the staged rows (table {@code import_stage}, rows whose {@code skip_reason} is null); returns the parts made. */
    long publish(Connection connection, Version version) throws SQLException;

    /** After the version became current, in the same transaction: recompute what depends on the layer. */
    void replaced(Connection connection, Version version, Long previousVersionId) throws SQLException;

    /** Deletes a superseded version's data (its metadata stays). */
    void deleteData(Connection connection, long versionId) throws SQLException;

    /** The version being published. */
    record Version(long layerId, long versionId, Long previousVersionId, String layerName, String hazardType, Instant at) {
    }

    /** How each feature becomes a staged row. */
    interface FeatureMapper {
        /** The profile recorded with the version (A31, N03, GSI...). */
        String profile();

        /** The source fields read, for the report. */
        String fieldsUsed();

        /**
         * Values in {@link #columns()} order, or {@link Mapped#skip}; a {@link FeatureProblem} fails the import. Called
         * on the import's shaping threads, several at once: it must keep no mutable state.
         */
        Mapped map(SourceFeature feature) throws ProblemFound;
    }

    /** A feature's staged values, or why it is left out (it carries nothing the layer needs). */
    record Mapped(Object[] values, String skipReason) {
        public static Mapped of(Object... values) {
            return new Mapped(values, null);
        }

        public static Mapped skip(String reason) {
            return new Mapped(null, reason);
        }
    }

    /** A feature whose attributes can't be used: the import fails rather than leave a zone out. */
    class ProblemFound extends Exception {
        private final String field;

        public ProblemFound(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
