package jp.inochi.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The program's rules ({@code ..model} packages and the state machine) stay plain Java: no framework imports. */
class DomainModelIsPlainJavaTest {
    private static final List<String> FRAMEWORKS = List.of("import io.micronaut", "import jakarta.", "import javax.",
            "import org.slf4j", "import com.fasterxml");

    @Test
    void noDomainModelFileImportsAFramework() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(Path.of("src/main/java/jp/inochi"))) {
            paths.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent().endsWith("model") || p.endsWith("lifecycle/StateMachine.java")
                            || p.endsWith("lifecycle/Labelled.java"))
                    .forEach(files::add);
        }
        assertTrue(files.size() > 30, "found the model files: " + files.size());
        List<String> offenders = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (FRAMEWORKS.stream().anyMatch(line::startsWith)) {
                    offenders.add(file + ": " + line);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyRuleInTheModelCitesALineOfTheProgramLeaflet() throws IOException {
        List<String> uncited = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(Path.of("src/main/java/jp/inochi"))) {
            for (Path file : paths.filter(p -> p.getParent().endsWith("model") && p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                boolean rule = file.getFileName().toString().matches(".*(Policy|Deadline|Term|Schedule|Available|Prefecture"
                        + "|Kumamoto|TooLong|ProgramStart|Dates|Checklist|Verdict)\\.java");
                if (rule && !text.matches("(?s).*(line|lines) \\d{3}.*")) {
                    uncited.add(file.toString());
                }
            }
        }
        assertEquals(List.of(), uncited);
    }
}
