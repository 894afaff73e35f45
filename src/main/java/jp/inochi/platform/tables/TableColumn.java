package jp.inochi.platform.tables;

import java.text.Normalizer;
import java.util.List;

/** A column a feature reads, by its header as the template names it (and other names offices use for it). */
public record TableColumn(String label, boolean required, List<String> aliases) {

    public static TableColumn required(String label, String... aliases) {
        return new TableColumn(label, true, List.of(aliases));
    }

    public static TableColumn optional(String label, String... aliases) {
        return new TableColumn(label, false, List.of(aliases));
    }

    boolean named(String header) {
        String name = normal(header);
        return normal(label).equals(name) || aliases.stream().anyMatch(alias -> normal(alias).equals(name));
    }

    /** Full-width and half-width forms, spaces and a trailing 「（必須）」 don't matter in a header. */
    static String normal(String header) {
        if (header == null) {
            return "";
        }
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replace("(必須)", "").replaceAll("\\s", "");
    }
}
