package jp.inochi.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the user can understand and act on. Domain code throws these (they carry no framework
 * types); the web layer turns them into problem+json with the Japanese {@code detail}.
 */
public class InochiException extends RuntimeException {
    private final ProblemType type;
    private final Map<String, Object> extensions;

    public InochiException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public InochiException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public ProblemType type() {
        return type;
    }

    /** The Japanese explanation shown to the user. */
    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem document, such as {@code currentState} or {@code errors}. */
    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
