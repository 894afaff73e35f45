package jp.inochi.disasters;

import java.util.HashMap;
import java.util.Map;

/** The start of a safety check as a client makes it: the preview's confirmation added to the same body. */
final class SafetyCheckRequests {
    private SafetyCheckRequests() {
    }

    static Map<String, Object> confirmed(Map<String, Object> body, Map<?, ?> preview) {
        Map<String, Object> confirmed = new HashMap<>(body);
        confirmed.put("confirmation", preview.get("confirmation"));
        return confirmed;
    }
}
