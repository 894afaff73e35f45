package jp.inochi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.http.annotation.Controller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.inochi.lifecycle.Labelled;
import jp.inochi.lifecycle.StateMachine;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled main classes with ArchUnit:
 * <ul>
 *   <li>the program's rules ({@code ..model..} packages, the state machine and {@code Labelled}) stay plain Java:
 *       they depend on no framework ({@code io.micronaut}, {@code jakarta}, {@code javax}, {@code org.slf4j},
 *       {@code com.fasterxml});</li>
 *   <li>the feature packages ({@code jp.inochi.<feature>..}) have no dependency cycles between them;</li>
 *   <li>a feature shares its services, records and repositories, never its entry points: its controllers (page and
 *       JSON, annotated {@code @Controller}) and its Quartz jobs ({@code org.quartz.Job}) are used only inside the
 *       feature. Another feature that wants to show something on a page contributes a {@code web.PageSection}.</li>
 * </ul>
 */
class DomainModelIsPlainJavaTest {
    private static final String ROOT = "jp.inochi";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noDomainModelClassDependsOnAFramework() {
        assertTrue(MAIN.stream().filter(c -> c.getPackageName().contains(".model")).count() > 30,
                "found the model classes");
        noClasses().that().resideInAPackage("..model..").or().belongToAnyOf(StateMachine.class, Labelled.class)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "javax..",
                        "org.slf4j..", "com.fasterxml..")
                .check(MAIN);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void controllersAndJobsAreUsedOnlyInsideTheirFeature() {
        classes().that().areAnnotatedWith(Controller.class).or().areAssignableTo(org.quartz.Job.class)
                .should(beUsedOnlyInsideTheirFeature()).check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
        return new ArchCondition<>("be used only inside their feature") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    if (!feature(dependency.getOriginClass()).equals(feature(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The top-level package under jp.inochi a class belongs to. */
    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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
