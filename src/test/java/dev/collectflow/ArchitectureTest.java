package dev.collectflow;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies run one way: {@code system} is the floor, the business calendar on it; who works here ({@code staff}) and who is logged in
 * ({@code security}) above it; the domain (clients, invoices, payments, the audit trail, mail) knows nothing of cases;
 * {@code collection} runs cases on the domain; the departments work on cases; the pressure scale runs beside them
 * (it uses sales and management facts) and the personal calendar feed shows its calls; the ledger import and the KPIs
 * read and register beside them; Tasklist set-up, the demo and operations sit on top.
 * A lower package that must tell a higher one something publishes an event.
 */
@AnalyzeClasses(packages = "dev.collectflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("System").definedBy("dev.collectflow.system..")
            .layer("Calendar").definedBy("dev.collectflow.calendar..")
            .layer("Staff").definedBy("dev.collectflow.staff..")
            .layer("Security").definedBy("dev.collectflow.security..")
            .layer("Domain").definedBy("dev.collectflow.audit..", "dev.collectflow.client..",
                    "dev.collectflow.invoice..", "dev.collectflow.payment..", "dev.collectflow.notification..")
            .layer("Collection").definedBy("dev.collectflow.collection..")
            .layer("Departments").definedBy("dev.collectflow.sales..", "dev.collectflow.finance..",
                    "dev.collectflow.legal..", "dev.collectflow.management..")
            .layer("PressureScale").definedBy("dev.collectflow.pressure..")
            .layer("Feed").definedBy("dev.collectflow.feed..")
            .layer("Ledger and KPIs").definedBy("dev.collectflow.ledger..", "dev.collectflow.kpi..")
            .layer("Setup").definedBy("dev.collectflow.tasklist..", "dev.collectflow.demo..", "dev.collectflow.operations..")
            .whereLayer("Setup").mayNotBeAccessedByAnyLayer()
            .whereLayer("Feed").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ledger and KPIs").mayOnlyBeAccessedByLayers("Setup")
            .whereLayer("PressureScale").mayOnlyBeAccessedByLayers("Feed", "Setup")
            .whereLayer("Departments").mayOnlyBeAccessedByLayers("PressureScale", "Setup")
            .whereLayer("Collection").mayOnlyBeAccessedByLayers("Departments", "PressureScale", "Feed",
                    "Ledger and KPIs", "Setup")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Collection", "Departments", "PressureScale", "Feed",
                    "Ledger and KPIs", "Setup")
            .whereLayer("Security").mayOnlyBeAccessedByLayers("Domain", "Collection", "Departments", "PressureScale",
                    "Feed", "Ledger and KPIs", "Setup")
            .whereLayer("Staff").mayOnlyBeAccessedByLayers("Security", "Domain", "Collection", "Departments",
                    "PressureScale", "Feed", "Ledger and KPIs", "Setup")
            .whereLayer("Calendar").mayOnlyBeAccessedByLayers("Staff", "Security", "Domain", "Collection",
                    "Departments", "PressureScale", "Feed", "Ledger and KPIs", "Setup");

    @ArchTest
    static final ArchRule noCycles = slices().matching("dev.collectflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule departmentsDoNotUseEachOther = slices()
            .matching("dev.collectflow.(sales|finance|legal|management)..").should().notDependOnEachOther();
}
