package org.kesra.devinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The package rules of a service, checked on its compiled main classes. Every service has a test that calls
 * {@link #check(String)} with its root package; a new service copies that test (see docs/architecture.md):
 * <ol>
 *   <li>its feature packages ({@code root.X}) form no cycle;</li>
 *   <li>HTTP lives in {@code web} packages: no class outside one uses {@code org.springframework.http},
 *       {@code org.springframework.web}, servlets, the platform's HTTP problem exception or a {@code web} package of
 *       the service; use cases throw domain refusals ({@code org.kesra.platform.refusal}) instead;</li>
 *   <li>controllers are in {@code web} packages.</li>
 * </ol>
 */
public final class ServiceBoundaries {

    private ServiceBoundaries() {
    }

    /** The rules for the service whose classes live under {@code rootPackage} (e.g. {@code org.kesra.welfare}). */
    public static List<ArchRule> rules(String rootPackage) {
        return List.of(
                slices().matching(rootPackage + ".(*)..").namingSlices("feature $1")
                        .should().beFreeOfCycles()
                        .because("a feature package that needs another's classes must not be needed back:"
                                + " move the shared piece down or turn the call into an event or an interface"),
                noClasses().that().resideInAPackage(rootPackage + "..")
                        .and().resideOutsideOfPackage("..web..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                                "org.springframework.web..", "jakarta.servlet..", rootPackage + "..web..")
                        .orShould().dependOnClassesThat()
                        .haveFullyQualifiedName("org.kesra.platform.web.ApiProblemException")
                        .because("use cases speak the domain (refusals from the service's catalogue); only web"
                                + " packages know HTTP"),
                classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                        .should().resideInAPackage("..web..")
                        .because("a controller is the web layer of its feature"));
    }

    /** Checks every rule on the main classes under {@code rootPackage}; an AssertionError lists each breach. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        CompositeArchRule.of(rules(rootPackage)).check(classes);
    }
}
