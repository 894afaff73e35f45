package jp.inochi.hazards.model;

import java.util.Collection;
import java.util.Map;

/**
 * Maps a source's attributes to the common severity of its hazard type. {@link #bind} looks at the file's field
 * names once (pass 1) and fails with the fields it needs when they are missing; the classifier then reads each
 * feature.
 */
public interface HazardProfile {

    /** A31, A33, A40, A49 or GENERIC, as recorded with the layer version. */
    String code();

    HazardType hazardType();

    ZoneClassifier bind(Collection<String> fieldNames) throws ProfileMismatch;

    /** Reads one feature's attributes. */
    interface ZoneClassifier {
        ZoneSeverity classify(Map<String, Object> attributes) throws AttributeProblem;

        /** The source fields the classifier reads, for the import report. */
        String fieldsUsed();
    }

    /** The file lacks what the profile needs; the message lists what it has. */
    class ProfileMismatch extends Exception {
        public ProfileMismatch(String message) {
            super(message);
        }
    }

    /** One feature's value can't be understood; names the field. */
    class AttributeProblem extends Exception {
        private final String field;

        public AttributeProblem(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
