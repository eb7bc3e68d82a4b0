package dev.collectflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.CollectFlowApplication;
import dev.collectflow.DueJobs;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.invoice.InvoiceRepository;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default as a newcomer starts it: H2 file database, demo profile; then a restart on the same files. */
class DemoApplicationIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CollectFlowApplication.class)
                .run("--collectflow.data-dir=" + dataDir,
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=demoCheck",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false");
    }

    @Test
    void demoWorkIsWaitingInTasklistAndSurvivesARestartWithoutDuplicates() {
        List<String> tasksBefore;
        long clients;
        long invoices;
        try (ConfigurableApplicationContext app = start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            DueJobs.run(engine.getManagementService(), null);

            List<Task> miasNegotiations = engine.getTaskService().createTaskQuery()
                    .taskAssignee("mia").taskDefinitionKey("Task_NegotiatePayment").list();
            assertThat(miasNegotiations).extracting(Task::getName)
                    .containsExactly("Negotiate payment — ACME-0990, Acme Ltd");
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("legal").count()).isEqualTo(1);
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("management").count()).isEqualTo(1);
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("salesheads").count()).isEqualTo(1);
            IdentityService identity = engine.getIdentityService();
            assertThat(identity.checkPassword("mia", "demo")).isTrue();
            assertThat(identity.checkPassword("admin", "demo")).isTrue();

            // each person's Tasklist filters show their work and nobody else's
            assertThat(filtered(engine, "mia", "My cases")).containsExactlyInAnyOrder(
                    "Negotiate payment — ACME-0990, Acme Ltd", "Call client at the set time — ACME-0990, Acme Ltd",
                    "Remind the client of the claim — ACME-0980, Acme Ltd");
            assertThat(filtered(engine, "mia", "Today's calls")).containsExactly(
                    "Call client at the set time — ACME-0990, Acme Ltd",
                    "Remind the client of the claim — ACME-0980, Acme Ltd");
            // ACME-0980 is in its claim month: the next weekly reminder waits, and so does the end of the month
            String claimCase = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey("ACME-0980").singleResult().getId();
            assertThat(engine.getRuntimeService().getActiveActivityIds(claimCase))
                    .containsExactlyInAnyOrder("Event_ClaimPeriodPassed", "Task_RemindClientOfClaim");
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(claimCase)
                    .activityId("StartEvent_ClaimPulseDue").count()).isEqualTo(1);
            Task call = engine.getTaskService().createTaskQuery().taskAssignee("mia")
                    .taskDefinitionKey("Task_CallClient").singleResult();
            assertThat(call.getDueDate().toInstant().atZone(java.time.ZoneId.of("Europe/Berlin")))
                    .as("today at mia's call time").satisfies(at -> {
                        assertThat(at.toLocalDate()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")));
                        assertThat(at.toLocalTime()).isEqualTo(java.time.LocalTime.of(10, 0));
                    });
            assertThat(filtered(engine, "max", "My cases")).containsExactly("Negotiate payment — GLX-2001, Globex GmbH");
            assertThat(filtered(engine, "lena", "Legal queue"))
                    .containsExactly("Send pre-court claim — GLX-1990, Globex GmbH");
            assertThat(filtered(engine, "dora", "Management decisions"))
                    .containsExactly("Decide on key-client exception — INI-3001, Initech AG");
            assertThat(filtered(engine, "sam", "Clients without owner"))
                    .containsExactly("Assign client owner — UMB-4001, Umbrella Corp");
            assertThat(filtered(engine, "sam", "My team's negotiations")).containsExactlyInAnyOrder(
                    "Negotiate payment — ACME-0990, Acme Ltd", "Negotiate payment — GLX-2001, Globex GmbH");
            assertThat(visibleTasks(engine, "mia")).containsExactlyInAnyOrder(
                    "Negotiate payment — ACME-0990, Acme Ltd", "Call client at the set time — ACME-0990, Acme Ltd",
                    "Remind the client of the claim — ACME-0980, Acme Ltd");
            assertThat(visibleTasks(engine, "fred")).isEmpty();

            // a case with a payment plan: the first instalment paid, the case waits for the second
            var planCase = app.getBean(dev.collectflow.collection.CollectionCases.class).view("GLX-1995");
            assertThat(planCase.stage()).isEqualTo(dev.collectflow.collection.CaseStage.PAYMENT_PLAN);
            assertThat(planCase.openAmount()).isEqualByComparingTo("4000.00");
            assertThat(planCase.paymentPlan().instalments()).extracting(line -> line.grade())
                    .containsExactly(dev.collectflow.commitment.Grade.KEPT, null, null);

            // the dashboard has months of history to show at once: figures for both managers and the owner-less client
            var onTime = app.getBean(dev.collectflow.kpi.KpiService.class).onTime(
                    new dev.collectflow.security.ApiUser("dora", java.util.Set.of("management")),
                    dev.collectflow.kpi.KpiFilter.none()).rows();
            assertThat(onTime).extracting(dev.collectflow.kpi.KpiRows.OnTime::subject)
                    .contains("mia", "max", "(no owner)");
            assertThat(onTime).allSatisfy(row -> assertThat(row.invoices()).isGreaterThanOrEqualTo(6));
            assertThat(onTime).anySatisfy(row -> assertThat(row.paidLate()).isPositive());

            tasksBefore = engine.getTaskService().createTaskQuery().orderByTaskId().asc().list().stream()
                    .map(Task::getId).toList();
            clients = app.getBean(ClientRepository.class).count();
            invoices = app.getBean(InvoiceRepository.class).count();
        }

        try (ConfigurableApplicationContext app = start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getTaskService().createTaskQuery().orderByTaskId().asc().list())
                    .extracting(Task::getId).containsExactlyElementsOf(tasksBefore);
            assertThat(app.getBean(ClientRepository.class).count()).isEqualTo(clients);
            assertThat(app.getBean(InvoiceRepository.class).count()).isEqualTo(invoices);
            assertThat(engine.getIdentityService().createUserQuery().userId("mia").count()).isEqualTo(1);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("InvoiceCollectionProcess").count()).isEqualTo(1);
        }
    }

    /** The tasks a user sees in one of their Tasklist filters. */
    private static List<String> filtered(ProcessEngine engine, String userId, String filterName) {
        return asUser(engine, userId, () -> {
            var filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
            assertThat(filter).as(userId + " may read filter " + filterName).isNotNull();
            return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getName).toList();
        });
    }

    /** Every task a user may see at all. */
    private static List<String> visibleTasks(ProcessEngine engine, String userId) {
        return asUser(engine, userId, () -> engine.getTaskService().createTaskQuery().list().stream()
                .map(Task::getName).toList());
    }

    private static <T> T asUser(ProcessEngine engine, String userId, java.util.function.Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
