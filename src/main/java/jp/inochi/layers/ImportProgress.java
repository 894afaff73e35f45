package jp.inochi.layers;

/**
 * The importer's one port to whoever watches it (h2gis's ProgressVisitor): the phase, features done out of total,
 * and whether to stop.
 */
public interface ImportProgress {

    /** Reading the features (0-90 %), then the phases in SQL. */
    enum Phase {
        READING("読み込み"), VALIDATING("検証・修復"), PUBLISHING("登録"), RECOMPUTING("再計算");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    void update(Phase phase, long done, long total);

    default boolean cancelled() {
        return false;
    }

    ImportProgress NONE = (phase, done, total) -> {
    };
}
