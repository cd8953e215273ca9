package dev.sextant.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The lines of DESIGN.md, held by the build: a change that crosses one fails {@code mvn verify}. */
@AnalyzeClasses(packages = "dev.sextant", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Classes of a concrete connector: a sub-package of connector other than shared support (jdbc). */
    private static final DescribedPredicate<JavaClass> CONCRETE_CONNECTOR = DescribedPredicate.describe(
            "a concrete connector", c -> c.getPackageName().matches("dev\\.sextant\\.connector\\.(?!jdbc$)[a-z0-9]+(\\..*)?"));

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.sextant.ui..", "dev.sextant.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.fxmisc..", "org.kordamp..")
            .because("services must run without a screen (CLI, MCP, tests); only ui and the composition root know JavaFX");

    @ArchTest
    static final ArchRule onlyAppAndTheRegistryNameConcreteConnectors = classes()
            .that(CONCRETE_CONNECTOR)
            .should().onlyHaveDependentClassesThat(DescribedPredicate.or(
                    CONCRETE_CONNECTOR,
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.sextant.app.."),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(dev.sextant.connector.ConnectorRegistry.class)))
            .because("a new database type must need nothing but its own package and a META-INF/services line");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheirCallers = noClasses()
            .that().resideInAnyPackage("dev.sextant.connector..", "dev.sextant.schema..", "dev.sextant.query..",
                    "dev.sextant.config..", "dev.sextant.secret..", "dev.sextant.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.ui..", "dev.sextant.cli..", "dev.sextant.app..")
            .because("arrows point inward: ui and cli use the services, never the other way");

    @ArchTest
    static final ArchRule theSchemaModelStandsAlone = noClasses()
            .that().resideInAPackage("dev.sextant.schema..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.sextant.schema..", "java..")
            .because("the schema model is plain immutable data that every layer can read");

    @ArchTest
    static final ArchRule sqlTextToolsStandOnTheSchemaModelOnly = noClasses()
            .that().resideInAPackage("dev.sextant.sql..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.sextant.sql..", "dev.sextant.schema..", "java..")
            .because("the lexer, splitter, parameter detection and autocomplete are pure text work, testable alone");

    @ArchTest
    static final ArchRule uiDoesNotReachTheCompositionRoot = noClasses()
            .that().resideInAPackage("dev.sextant.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.app..", "dev.sextant.cli..")
            .because("the composition root builds the UI, not the other way round");

    @ArchTest
    static final ArchRule noPrintingOutsideTheCli = noClasses()
            .that().resideOutsideOfPackage("dev.sextant.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("log with SLF4J; only the command line prints");
}
