package jp.inochi.testsupport;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Reads problem+json documents from refused requests. */
public final class Problems {
    private Problems() {
    }

    public static HttpClientResponseException refused(Runnable request) {
        return Assertions.assertThrows(HttpClientResponseException.class, request::run);
    }

    public static Map<?, ?> body(HttpClientResponseException refused) {
        return refused.getResponse().getBody(Map.class).orElseThrow();
    }

    /** field → message of a validation problem. */
    public static Map<String, String> fieldErrors(HttpClientResponseException refused) {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) body(refused).get("errors");
        return errors.stream().collect(java.util.stream.Collectors.toMap(e -> e.get("field"), e -> e.get("message"),
                (a, b) -> a + " / " + b));
    }

    public static <T> T call(Supplier<T> request) {
        return request.get();
    }
}
