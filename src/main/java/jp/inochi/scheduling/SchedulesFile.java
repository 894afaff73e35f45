package jp.inochi.scheduling;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML file of {@code schedules/}, read for people: every problem is collected with the file, the line and the
 * key path ({@code obligations.evacuation-plan.family.days-before[1]}) and what is wrong, in Japanese, and
 * {@link #finish()} reports them all at once, so one start lists everything to fix.
 */
public final class SchedulesFile {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");

    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final MappingNode root;

    private SchedulesFile(String name, MappingNode root) {
        this.name = name;
        this.root = root;
    }

    /** Reads the file; a missing file, bad encoding or YAML syntax error is reported at once. */
    public static SchedulesFile read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new SchedulesFileException(name, List.of(name + ": ファイルがありません（INOCHI_SCHEDULES_DIR で"
                    + "スケジュールのディレクトリを指定できます。現在: " + file.toAbsolutePath().getParent() + "）"));
        } catch (CharacterCodingException e) {
            throw new SchedulesFileException(name, List.of(name + ": UTF-8 で保存してください"));
        } catch (IOException e) {
            throw new SchedulesFileException(name, List.of(name + ": 読み込めません（" + e.getClass().getSimpleName() + "）"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node node;
        try (Reader reader = new java.io.StringReader(text)) {
            node = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new SchedulesFileException(name, List.of(name + ", " + line + "行目: YAML として読めません（"
                    + e.getProblem() + "）"));
        } catch (YAMLException | IOException e) {
            throw new SchedulesFileException(name, List.of(name + ": YAML として読めません（" + e.getMessage() + "）"));
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new SchedulesFileException(name, List.of(name + ": 「キー: 値」の形の設定が必要です（空か、形式が違います）"));
        }
        return new SchedulesFile(name, mapping);
    }

    public Section root() {
        return new Section("", root);
    }

    public String name() {
        return name;
    }

    /** Records a problem found while interpreting a value (not its shape). */
    public void problem(Section at, String key, String message) {
        Node node = at.children().get(key);
        problems.add(where(node == null ? at.node : node, at.path(key)) + message);
    }

    /** Throws with every problem recorded; does nothing when the file was right. */
    public void finish() {
        if (!problems.isEmpty()) {
            throw new SchedulesFileException(name, List.copyOf(problems));
        }
    }

    private String where(Node node, String path) {
        return name + ", " + (node.getStartMark().getLine() + 1) + "行目: " + (path.isEmpty() ? "" : path + ": ");
    }

    /** A mapping of the file, with its key path for messages. */
    public final class Section {
        private final String path;
        private final MappingNode node;

        Section(String path, MappingNode node) {
            this.path = path;
            this.node = node;
        }

        public String path() {
            return path;
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Map<String, Node> children() {
            Map<String, Node> children = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    children.put(key.getValue(), tuple.getValueNode());
                }
            }
            return children;
        }

        public Set<String> keys() {
            return children().keySet();
        }

        public boolean has(String key) {
            return children().containsKey(key);
        }

        /** Every key not in {@code allowed} is a problem (most often a typo that would silently be ignored). */
        public void onlyKeys(Set<String> allowed) {
            for (Map.Entry<String, Node> child : children().entrySet()) {
                if (!allowed.contains(child.getKey())) {
                    problems.add(where(child.getValue(), path(child.getKey())) + "不明な項目です（使える項目: "
                            + String.join(", ", allowed.stream().sorted().toList()) + "）");
                }
            }
        }

        public Optional<Section> section(String key) {
            Node child = children().get(key);
            if (child == null) {
                return Optional.empty();
            }
            if (child instanceof MappingNode mapping) {
                return Optional.of(new Section(path(key), mapping));
            }
            problems.add(where(child, path(key)) + "「項目: 値」の形で書いてください");
            return Optional.empty();
        }

        public Optional<Section> requiredSection(String key) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return section(key);
        }

        public Optional<String> text(String key) {
            Node child = children().get(key);
            if (child == null) {
                return Optional.empty();
            }
            if (child instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                return Optional.of(scalar.getValue().strip());
            }
            problems.add(where(child, path(key)) + "値を1つ書いてください");
            return Optional.empty();
        }

        public Optional<String> requiredText(String key) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return text(key);
        }

        /** A whole number between min and max; a problem otherwise. */
        public Optional<Integer> integer(String key, int min, int max) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return text(key).flatMap(value -> wholeNumber(children().get(key), path(key), value, min, max));
        }

        public Optional<Double> decimal(String key, double min, double max) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return text(key).flatMap(value -> {
                try {
                    double number = Double.parseDouble(value);
                    if (number >= min && number <= max) {
                        return Optional.of(number);
                    }
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
                problems.add(where(children().get(key), path(key)) + "「" + value + "」は " + min + "〜" + max
                        + " の数で書いてください");
                return Optional.empty();
            });
        }

        public Optional<Boolean> bool(String key) {
            return text(key).flatMap(value -> switch (value) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> {
                    problems.add(where(children().get(key), path(key)) + "「" + value + "」は true か false で書いてください");
                    yield Optional.empty();
                }
            });
        }

        /** A list of whole numbers, e.g. {@code [60, 30, 7]}; an absent key is an empty list. */
        public List<Integer> integers(String key, int min, int max) {
            Node child = children().get(key);
            if (child == null) {
                return List.of();
            }
            if (!(child instanceof SequenceNode sequence)) {
                problems.add(where(child, path(key)) + "[60, 30, 7] のように数の一覧で書いてください");
                return List.of();
            }
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String itemPath = path(key) + "[" + i + "]";
                if (item instanceof ScalarNode scalar) {
                    wholeNumber(item, itemPath, scalar.getValue(), min, max).ifPresent(values::add);
                } else {
                    problems.add(where(item, itemPath) + "数を書いてください");
                }
            }
            return values;
        }

        /** A duration such as {@code 30s}, {@code 5m}, {@code 2h} or {@code 1d}, between min and max. */
        public Optional<Duration> duration(String key, Duration min, Duration max) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return text(key).flatMap(value -> {
                Matcher m = DURATION.matcher(value);
                if (m.matches()) {
                    long amount = Long.parseLong(m.group(1));
                    Duration duration = switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    };
                    if (duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0) {
                        return Optional.of(duration);
                    }
                    problems.add(where(children().get(key), path(key)) + "「" + value + "」は " + human(min) + "〜"
                            + human(max) + " の範囲で書いてください");
                    return Optional.empty();
                }
                problems.add(where(children().get(key), path(key)) + "「" + value
                        + "」は 30s・5m・2h・1d のように数と単位（s 秒, m 分, h 時間, d 日）で書いてください");
                return Optional.empty();
            });
        }

        /** A time of day in Japan, {@code "09:00"}. */
        public Optional<LocalTime> timeOfDay(String key) {
            if (!has(key)) {
                missing(key);
                return Optional.empty();
            }
            return text(key).flatMap(value -> {
                try {
                    if (value.matches("\\d{2}:\\d{2}")) {
                        return Optional.of(LocalTime.parse(value));
                    }
                } catch (DateTimeParseException invalid) {
                    // reported below
                }
                problems.add(where(children().get(key), path(key)) + "「" + value + "」は \"09:00\" のように時:分で書いてください");
                return Optional.empty();
            });
        }

        /** Records a problem at this section's key. */
        public void problem(String key, String message) {
            SchedulesFile.this.problem(this, key, message);
        }

        private void missing(String key) {
            problems.add(where(node, path(key)) + "必要な項目がありません");
        }

        private Optional<Integer> wholeNumber(Node at, String itemPath, String value, int min, int max) {
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            problems.add(where(at, itemPath) + "「" + value + "」は " + min + "〜" + max + " の整数で書いてください");
            return Optional.empty();
        }
    }

    private static String human(Duration duration) {
        if (duration.toDays() > 0 && duration.toHours() % 24 == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toHours() > 0 && duration.toMinutes() % 60 == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toMinutes() > 0 && duration.getSeconds() % 60 == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.getSeconds() + "s";
    }
}
