package jp.inochi.access.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * One operation of the service's generated OpenAPI document, as the probe needs it: the path template with its
 * path and query parameters, the request body's media type and schema, and the media types it answers in.
 */
record ApiOperation(String method, String path, List<Parameter> pathParameters, List<Parameter> queryParameters,
                    String requestMediaType, Map<String, Object> requestSchema, List<String> responseMediaTypes) {

    record Parameter(String name, boolean required, Map<String, Object> schema) {
    }

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete");

    String label() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    boolean isRead() {
        return method.equals("get") || method.equals("head");
    }

    /** Every operation of the document, reads first (a write that leaked could change what later reads see). */
    @SuppressWarnings("unchecked")
    static List<ApiOperation> parse(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        Schemas schemas = new Schemas(document);
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        List<ApiOperation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Map<String, Object>> shared = (List<Map<String, Object>>) pathItem.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                if (!pathItem.containsKey(method)) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) pathItem.get(method);
                List<Map<String, Object>> parameters = new ArrayList<>(shared);
                parameters.addAll((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()));
                List<Parameter> pathParameters = new ArrayList<>();
                List<Parameter> queryParameters = new ArrayList<>();
                for (Map<String, Object> raw : parameters) {
                    Map<String, Object> parameter = schemas.resolve(raw);
                    Parameter parsed = new Parameter(String.valueOf(parameter.get("name")),
                            Boolean.TRUE.equals(parameter.get("required")),
                            schemas.resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of())));
                    switch (String.valueOf(parameter.get("in"))) {
                        case "path" -> pathParameters.add(parsed);
                        case "query" -> queryParameters.add(parsed);
                        default -> { }
                    }
                }
                for (String name : templateNames(path)) {
                    if (pathParameters.stream().noneMatch(parameter -> parameter.name().equals(name))) {
                        pathParameters.add(new Parameter(name, true, Map.of("type", "string")));
                    }
                }
                String requestMediaType = null;
                Map<String, Object> requestSchema = Map.of();
                Map<String, Object> body = schemas.resolve((Map<String, Object>) operation.getOrDefault("requestBody", Map.of()));
                Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
                if (!content.isEmpty()) {
                    requestMediaType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
                    Map<String, Object> media = (Map<String, Object>) content.get(requestMediaType);
                    requestSchema = schemas.deepResolve((Map<String, Object>) (media == null ? Map.of() : media.getOrDefault("schema", Map.of())), 0);
                }
                List<String> responseTypes = new ArrayList<>();
                Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
                responses.forEach((status, response) -> {
                    Map<String, Object> resolved = schemas.resolve((Map<String, Object>) response);
                    ((Map<String, Object>) resolved.getOrDefault("content", Map.of())).keySet().stream()
                            .filter(type -> !responseTypes.contains(type)).forEach(responseTypes::add);
                });
                operations.add(new ApiOperation(method, path, pathParameters, queryParameters, requestMediaType,
                        requestSchema, responseTypes));
            }
        });
        operations.sort((a, b) -> Boolean.compare(!a.isRead(), !b.isRead()));
        return operations;
    }

    static List<String> templateNames(String path) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Resolves {@code $ref}s into #/components. */
    static final class Schemas {
        private final Map<String, Object> document;

        Schemas(Map<String, Object> document) {
            this.document = document;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> resolve(Map<String, Object> node) {
            Map<String, Object> current = node;
            for (int depth = 0; depth < 10 && current != null && current.containsKey("$ref"); depth++) {
                Object target = document;
                for (String part : String.valueOf(current.get("$ref")).replaceFirst("^#/", "").split("/")) {
                    target = target instanceof Map<?, ?> map ? map.get(part) : null;
                }
                current = target instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
            }
            return current == null ? Map.of() : current;
        }

        /** The schema with every nested {@code $ref} replaced by its target (to a depth that stops cycles). */
        @SuppressWarnings("unchecked")
        Map<String, Object> deepResolve(Map<String, Object> node, int depth) {
            Map<String, Object> resolved = new LinkedHashMap<>(resolve(node));
            if (depth > 8) {
                return resolved;
            }
            resolved.replaceAll((key, value) -> {
                if (value instanceof Map<?, ?> map) {
                    return deepResolve((Map<String, Object>) map, depth + 1);
                }
                if (value instanceof List<?> list) {
                    return list.stream().map(item -> item instanceof Map<?, ?> map
                            ? deepResolve((Map<String, Object>) map, depth + 1) : item).toList();
                }
                return value;
            });
            return resolved;
        }
    }
}
