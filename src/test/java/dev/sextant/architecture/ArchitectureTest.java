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
                    "dev.sextant.config..", "dev.sextant.secret..", "dev.sextant.store..", "dev.sextant.audit..",
                    "dev.sextant.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.ui..", "dev.sextant.cli..", "dev.sextant.app..",
                    "dev.sextant.mcp..")
            .because("arrows point inward: ui, cli and mcp use the services, never the other way");

    @ArchTest
    static final ArchRule theCommandLineAndMcpServerStandBesideTheUi = noClasses()
            .that().resideInAnyPackage("dev.sextant.cli..", "dev.sextant.mcp..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.ui..", "dev.sextant.app..")
            .because("commands run without a window: the composition root builds them, and they never reach the UI");

    @ArchTest
    static final ArchRule theMcpServerDoesNotKnowTheCommandLine = noClasses()
            .that().resideInAPackage("dev.sextant.mcp..")
            .should().dependOnClassesThat().resideInAPackage("dev.sextant.cli..")
            .because("the MCP server is started by a command but is a protocol adapter of its own");

    @ArchTest
    static final ArchRule onlyTheMcpPackageSpeaksMcp = noClasses()
            .that().resideOutsideOfPackage("dev.sextant.mcp..")
            .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")
            .because("the MCP SDK stays behind one package, so replacing it touches nothing else");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that().resideOutsideOfPackage("dev.sextant.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("argument parsing belongs to the command line");

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
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.app..", "dev.sextant.cli..", "dev.sextant.mcp..")
            .because("the composition root builds the UI, not the other way round");

    @ArchTest
    static final ArchRule onlyTheBigQueryConnectorKnowsGoogleCloud = noClasses()
            .that().resideOutsideOfPackage("dev.sextant.connector.bigquery..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.cloud..", "com.google.auth..", "com.google.api..")
            .because("the BigQuery client and its credentials stay behind the connector, like every database's driver");

    @ArchTest
    static final ArchRule theStoreKnowsNoServiceAboveIt = noClasses()
            .that().resideInAPackage("dev.sextant.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sextant.config..", "dev.sextant.query..",
                    "dev.sextant.connector..", "dev.sextant.schema..")
            .because("the store keeps files and tables; what goes in them (configs, schema caches) is decided above it");

    @ArchTest
    static final ArchRule noPrintingOutsideTheCli = noClasses()
            .that().resideOutsideOfPackage("dev.sextant.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("log with SLF4J; only the command line prints");
}
