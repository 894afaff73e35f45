package jp.inochi.access.probe;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.inochi.access.MinimumDisclosure;
import jp.inochi.access.probe.ProbeTargets.Kind;
import jp.inochi.access.probe.ProbeTargets.Resolution;

/**
 * Calls every operation of the OpenAPI document as one signed-in person, with the ids, codes and tiles of another
 * municipality's households filled into its parameters, and reports each answer:
 * <ul>
 *   <li>LEAK: a personal string of a target household anywhere in the body or headers, or a 2xx answer for a
 *       record that belongs to a target household (it should have been 404);</li>
 *   <li>DISCLOSURE: a field withheld from municipalities ({@link MinimumDisclosure#WITHHELD}) in a 2xx answer;</li>
 *   <li>NOT COVERED: a parameter the probe could not fill with the target's data (no fixture or no rule).</li>
 * </ul>
 */
public final class LeakProbe {
    private static final int MAX_VARIANTS = 6;

    private final URI base;
    private final String bearerToken;
    private final ProbeTargets targets;
    private final JsonMapper json;
    private final boolean control;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    LeakProbe(URI base, String bearerToken, ProbeTargets targets, JsonMapper json) {
        this(base, bearerToken, targets, json, false);
    }

    /**
     * A control run: the person may see the targets (an officer of their own municipality), so seeing them is
     * VISIBLE, not a leak; withheld fields are still a DISCLOSURE.
     */
    static LeakProbe control(URI base, String bearerToken, ProbeTargets targets, JsonMapper json) {
        return new LeakProbe(base, bearerToken, targets, json, true);
    }

    private LeakProbe(URI base, String bearerToken, ProbeTargets targets, JsonMapper json, boolean control) {
        this.base = base;
        this.bearerToken = bearerToken;
        this.targets = targets;
        this.json = json;
        this.control = control;
    }

    enum Verdict { OK, VISIBLE, LEAK, DISCLOSURE, NOT_COVERED }

    /** {@code refusals}: the answers that the audit log must record as REFUSED (403, or 404 of a path with an id). */
    record Finding(ApiOperation operation, Verdict verdict, String coverage, Set<Integer> statuses, List<String> problems,
                   boolean sawTargetData, int refusals) {

        /** The audit log's resource for this operation: the method and the route template. */
        String route() {
            return operation.method().toUpperCase(Locale.ROOT) + " " + operation.path();
        }

        String line() {
            return String.format("%-11s %-60s %-14s %s%s", verdict, operation.label(), statuses, coverage,
                    problems.isEmpty() ? "" : "\n            " + String.join("\n            ", problems));
        }
    }

    public record Report(String who, List<Finding> findings) {

        public boolean clean() {
            return findings.stream().allMatch(finding -> finding.verdict() == Verdict.OK || finding.verdict() == Verdict.VISIBLE);
        }

        public long count(Verdict verdict) {
            return findings.stream().filter(finding -> finding.verdict() == verdict).count();
        }

        public List<String> covered() {
            return findings.stream().filter(finding -> finding.verdict() != Verdict.NOT_COVERED)
                    .map(finding -> finding.operation().label()).toList();
        }

        public List<String> notCovered() {
            return findings.stream().filter(finding -> finding.verdict() == Verdict.NOT_COVERED)
                    .map(finding -> finding.operation().label()).toList();
        }

        /** Findings withheld from municipalities in 2xx answers, whatever else the answer was. */
        public List<String> disclosures() {
            return findings.stream().flatMap(finding -> finding.problems().stream())
                    .filter(problem -> problem.startsWith("DISCLOSURE")).toList();
        }

        /** Operations in which this person saw a target household's data (for a positive control). */
        public List<String> sawTargetData() {
            return findings.stream().filter(Finding::sawTargetData).map(finding -> finding.operation().label()).toList();
        }

        /** How many refusals each route was answered with, as the audit log should count them. */
        public Map<String, Long> refusals() {
            return findings.stream().filter(finding -> finding.refusals() > 0).collect(Collectors.groupingBy(
                    Finding::route, TreeMap::new, Collectors.summingLong(Finding::refusals)));
        }

        public String text() {
            return "Leak probe as " + who + ": " + findings.size() + " operations, " + covered().size() + " covered, "
                    + notCovered().size() + " not covered, " + count(Verdict.LEAK) + " leaks, "
                    + count(Verdict.DISCLOSURE) + " disclosures, " + count(Verdict.VISIBLE) + " showing the targets\n"
                    + findings.stream().map(Finding::line).collect(Collectors.joining("\n")) + "\n";
        }
    }

    public Report run(String who, List<ApiOperation> operations) throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (ApiOperation operation : operations) {
            findings.add(probe(operation));
        }
        return new Report(who, findings);
    }

    private Finding probe(ApiOperation operation) throws Exception {
        Map<String, Resolution> pathValues = new LinkedHashMap<>();
        List<String> words = staticWords(operation.path());
        for (ApiOperation.Parameter parameter : operation.pathParameters()) {
            pathValues.put(parameter.name(), targets.resolve(parameter.name(), wordBefore(operation.path(), parameter.name(), words)));
        }
        List<String> problems = new ArrayList<>();
        pathValues.forEach((name, resolution) -> {
            if (resolution.kind() == Kind.UNRESOLVED || resolution.kind() == Kind.NO_DATA) {
                problems.add("{" + name + "}: " + resolution.detail());
            }
        });
        String coverage = pathValues.isEmpty() ? "no path parameters"
                : pathValues.entrySet().stream().map(entry -> "{" + entry.getKey() + "}=" + entry.getValue().kind().label)
                        .collect(Collectors.joining(", "));
        if (!problems.isEmpty()) {
            return new Finding(operation, Verdict.NOT_COVERED, coverage, Set.of(), problems, false, 0);
        }
        boolean recordOfTarget = pathValues.values().stream().anyMatch(resolution -> resolution.kind().recordOfTarget);
        int variants = Math.max(1, Math.min(MAX_VARIANTS,
                pathValues.values().stream().mapToInt(resolution -> resolution.values().size()).max().orElse(1)));
        Set<Integer> statuses = new TreeSet<>();
        boolean saw = false;
        int refusals = 0;
        List<String> accepts = operation.responseMediaTypes().isEmpty() ? List.of("*/*") : operation.responseMediaTypes();
        for (int variant = 0; variant < variants; variant++) {
            String path = operation.path();
            for (Map.Entry<String, Resolution> entry : pathValues.entrySet()) {
                List<String> values = entry.getValue().values();
                path = path.replace("{" + entry.getKey() + "}", encode(values.get(variant % values.size())));
            }
            for (boolean allQueryParameters : List.of(false, true)) {
                String query = query(operation, allQueryParameters);
                for (String accept : accepts) {
                    HttpResponse<byte[]> response = send(operation, path + query, accept);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 403 || response.statusCode() == 404 && !pathValues.isEmpty()) {
                        refusals++;
                    }
                    Set<String> found = secretsIn(response);
                    if (!found.isEmpty()) {
                        saw = true;
                        problems.add(operation.method().toUpperCase(Locale.ROOT) + " " + path + query + " (" + accept + ") → "
                                + response.statusCode() + " shows " + String.join("; ", found));
                    }
                    boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
                    if (success && recordOfTarget) {
                        saw = true;
                        problems.add(operation.method().toUpperCase(Locale.ROOT) + " " + path + query + " → "
                                + response.statusCode() + " for a record of another municipality (expected 404)");
                    }
                    if (success) {
                        Set<String> withheld = withheldFields(response);
                        if (!withheld.isEmpty()) {
                            problems.add("DISCLOSURE " + path + query + " → fields withheld from municipalities: " + withheld);
                        }
                    }
                }
                if (operation.queryParameters().isEmpty()) {
                    break;
                }
            }
        }
        boolean disclosed = problems.stream().anyMatch(problem -> problem.startsWith("DISCLOSURE"));
        boolean leaked = problems.stream().anyMatch(problem -> !problem.startsWith("DISCLOSURE"));
        Verdict verdict = control
                ? (disclosed ? Verdict.DISCLOSURE : saw ? Verdict.VISIBLE : Verdict.OK)
                : (leaked ? Verdict.LEAK : disclosed ? Verdict.DISCLOSURE : Verdict.OK);
        if (control && !disclosed) {
            problems.clear();
        }
        return new Finding(operation, verdict, coverage, statuses, problems, saw, refusals);
    }

    private String query(ApiOperation operation, boolean all) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.queryParameters()) {
            if (!all && !parameter.required()) {
                continue;
            }
            Resolution resolution = targets.resolve(parameter.name(), null);
            String value = switch (resolution.kind()) {
                case HOUSEHOLD, MUNICIPALITY, WARD, LINKED -> resolution.values().get(0);
                default -> parameter.required() || all ? String.valueOf(sample(parameter.name(), parameter.schema(), 0)) : null;
            };
            if (value != null && !value.equals("null")) {
                pairs.add(encode(parameter.name()) + "=" + encode(value));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private HttpResponse<byte[]> send(ApiOperation operation, String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", accept);
        String mediaType = operation.requestMediaType();
        if (operation.isRead() || mediaType == null) {
            request.method(operation.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody());
        } else {
            Object body = sample("body", operation.requestSchema(), 0);
            String text;
            if (mediaType.equals("application/x-www-form-urlencoded") && body instanceof Map<?, ?> form) {
                text = form.entrySet().stream().map(entry -> encode(String.valueOf(entry.getKey())) + "="
                        + encode(String.valueOf(entry.getValue()))).collect(Collectors.joining("&"));
            } else if (mediaType.contains("json")) {
                text = json.writeValueAsString(body);
            } else {
                text = "";
            }
            request.header("Content-Type", mediaType)
                    .method(operation.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException(operation.label() + ": " + e.getMessage(), e);
        }
    }

    /** A plausible value for a schema, with the targets' ids and codes where the name says what it is. */
    @SuppressWarnings("unchecked")
    private Object sample(String name, Map<String, Object> schema, int depth) throws Exception {
        Resolution resolution = depth > 6 ? null : targets.resolve(name, null);
        if (resolution != null && (resolution.kind() == Kind.HOUSEHOLD || resolution.kind() == Kind.MUNICIPALITY
                || resolution.kind() == Kind.WARD)) {
            String value = resolution.values().isEmpty() ? "0" : resolution.values().get(0);
            return "integer".equals(schema.get("type")) ? Long.valueOf(value) : value;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith("municipalitycodes")) {
            return List.of(targets.municipality);
        }
        if (schema.containsKey("enum")) {
            return ((List<Object>) schema.get("enum")).get(0);
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    object.put(property.getKey(), depth > 6 ? null
                            : sample(property.getKey(), (Map<String, Object>) property.getValue(), depth + 1));
                }
                yield object;
            }
            case "array" -> depth > 6 ? List.of()
                    : List.of(sample(name, (Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1));
            case "integer" -> 1;
            case "number" -> 1.0;
            case "boolean" -> false;
            default -> switch (format) {
                case "date" -> LocalDate.now().toString();
                case "date-time" -> Instant.now().toString();
                case "email" -> "probe@example.invalid";
                case "binary" -> "";
                default -> "probe";
            };
        };
    }

    private Set<String> secretsIn(HttpResponse<byte[]> response) {
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(raw);
        response.headers().map().forEach((header, values) -> text.append('\n').append(header).append(": ").append(values));
        if (isJson(response)) {
            try {
                collectStrings(json.readValue(response.body(), Object.class), text);
            } catch (IOException notJson) {
                // scanned as raw text above
            }
        }
        Set<String> found = new LinkedHashSet<>();
        targets.secrets.forEach((secret, what) -> {
            if (occursIn(text, secret)) {
                found.add(what);
            }
        });
        // a position is a pair: a lone 130.7 is a vertex of some public boundary or hazard zone, not where a family lives
        found.removeIf(what -> what.endsWith(" longitude") && !found.contains(what.replace(" longitude", " latitude")));
        found.removeIf(what -> what.endsWith(" latitude") && !found.contains(what.replace(" latitude", " longitude")));
        return found;
    }

    /**
     * A coordinate such as 130.7 is found only as a whole number: inside 130.71234 (a vertex of a public boundary) it is
     * not the household's position. Text is found anywhere.
     */
    static boolean occursIn(CharSequence text, String secret) {
        if (!secret.matches("-?\\d+(\\.\\d+)?")) {
            return text.toString().contains(secret);
        }
        return java.util.regex.Pattern.compile("(?<![\\d.])" + java.util.regex.Pattern.quote(secret) + "(?!\\d)")
                .matcher(text).find();
    }

    private Set<String> withheldFields(HttpResponse<byte[]> response) {
        Set<String> keys = new TreeSet<>();
        if (isJson(response)) {
            try {
                collectKeys(json.readValue(response.body(), Object.class), keys);
            } catch (IOException notJson) {
                return Set.of();
            }
        }
        keys.removeIf(key -> !MinimumDisclosure.isWithheld(key));
        return keys;
    }

    private static boolean isJson(HttpResponse<?> response) {
        return response.headers().firstValue("content-type").map(type -> type.contains("json")).orElse(false);
    }

    private static void collectStrings(Object node, StringBuilder text) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                text.append('\n').append(key);
                collectStrings(value, text);
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> collectStrings(item, text));
        } else if (node != null) {
            text.append('\n').append(node);
        }
    }

    private static void collectKeys(Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                keys.add(String.valueOf(key));
                collectKeys(value, keys);
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> collectKeys(item, keys));
        }
    }

    private static List<String> staticWords(String path) {
        return List.of(path.split("/"));
    }

    /** The nearest static path word before the parameter: "loans" in /api/loans/{id}. */
    private static String wordBefore(String path, String parameter, List<String> words) {
        String previous = null;
        for (String word : words) {
            if (word.contains("{" + parameter + "}")) {
                return previous;
            }
            if (!word.isEmpty() && !word.contains("{")) {
                previous = word;
            }
        }
        return previous;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
