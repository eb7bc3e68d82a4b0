package dev.collectflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.collectflow.CollectFlowApplication;
import dev.collectflow.DueJobs;
import dev.collectflow.MailText;
import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.collection.InvoiceCollectionProcess.Activities;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.payment.PaymentData;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.payment.PaymentService.Receipt;
import dev.collectflow.system.Groups;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults the production set-up survives, on real PostgreSQL with the engine's jobs executed by the test: a payment
 * that clashes with a running step of its case, a crash between payment and the end of the case, an SMTP outage.
 * The negotiation counts working days here, so the overdue notice that reaches the SMTP server shows what a sales
 * manager is told then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsApplicationIT {

    private static final String MANAGER = "pia";

    private final int smtpPort = FreePort.find();
    private GreenMail smtp;
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;
    private ProcessEngine engine;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() throws Exception {
        smtp = startSmtp();
        postgres = EmbeddedPostgres.start();
        app = new SpringApplicationBuilder(CollectFlowApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--camunda.bpm.admin-user.password=Operator-Pa55word",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--camunda.bpm.process-engine-name=faults",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--collectflow.case-closing.sweep-interval=PT1S",
                        "--collectflow.case-closing.sweep-grace=PT1S",
                        "--collectflow.negotiation.count=WORKING_DAYS");
        engine = app.getBean(ProcessEngine.class);
        jdbc = app.getBean(JdbcTemplate.class);
        User manager = engine.getIdentityService().newUser(MANAGER);
        manager.setEmail("pia@example.com");
        engine.getIdentityService().saveUser(manager);
        engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(Groups.SALES));
        engine.getIdentityService().createMembership(MANAGER, Groups.SALES);
        app.getBean(ClientService.class).save("faults", new ClientDetails("Faults GmbH", null, null, null, MANAGER,
                false, "de"));
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        smtp.stop();
    }

    @Test
    void aPaymentIsStoredAndAcknowledgedWhileAStepOfItsCaseHoldsTheCaseAndTheCaseEndsAfterwards() throws Exception {
        String invoice = "CLASH-1";
        ProcessInstance instance = overdueCaseWaitingForItsNotice(invoice);
        Job notice = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        double clashesBefore = clashes();

        // the case's mail step runs, and its transaction stays open until the payment is waiting for it
        CountDownLatch stepDone = new CountDownLatch(1);
        CountDownLatch commitStep = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        CompletableFuture<Void> step = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            engine.getManagementService().executeJob(notice.getId());
            stepDone.countDown();
            await(commitStep);
        }));
        assertThat(stepDone.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Receipt> payment = CompletableFuture.supplyAsync(() -> app.getBean(PaymentService.class)
                .receive(new PaymentData("CLASH-PAY-1", invoice, new BigDecimal("250.00"), "EUR", LocalDate.now()),
                        "erp"));
        eventually(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) > 0,
                "the payment's side waits for the step");
        // while the step still holds the case, the payment is already stored: only ending the case waits
        assertThat(jdbc.queryForObject("select count(*) from payment where payment_id = 'CLASH-PAY-1'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_closing where invoice_number = ?", Integer.class,
                invoice)).isEqualTo(1);
        commitStep.countDown();
        step.get(60, TimeUnit.SECONDS);

        Receipt receipt = payment.get(60, TimeUnit.SECONDS);
        assertThat(receipt.created()).isTrue();
        assertThat(receipt.openAmount()).isEqualByComparingTo("0");
        assertThat(app.getBean(InvoiceService.class).get(invoice).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(clashes()).as("the first attempt to end the case clashed with the step").isGreaterThan(clashesBefore);
        eventually(() -> jdbc.queryForObject("select count(*) from case_closing", Integer.class) == 0,
                "case closed after the clash");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(Activities.START_INVOICE_PAID).count()).isEqualTo(1);
        DueJobs.run(engine.getManagementService(), instance.getId());
        assertThat(runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aPaidInvoiceWhoseNodeDiedBeforeItsCaseEndedIsClosedByTheSweep() {
        String invoice = "CRASH-1";
        ProcessInstance instance = overdueCaseWaitingForItsNotice(invoice);
        // what a payment leaves behind when its node dies right after the commit, before the case is told
        jdbc.update("update invoice set open_amount = 0, status = 'PAID', closed_at = now() where number = ?", invoice);
        jdbc.update("insert into case_closing (invoice_number, requested_at, attempts) values (?, now(), 0)", invoice);

        eventually(() -> jdbc.queryForObject("select count(*) from case_closing", Integer.class) == 0,
                "the sweep closed the case");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(Activities.START_INVOICE_PAID).count()).isEqualTo(1);
    }

    @Test
    void anSmtpOutageIsRetriedThenAnIncidentAndARetryAfterItSendsTheMailOnce() throws Exception {
        String invoice = "SMTP-1";
        ProcessInstance instance = overdueCaseWaitingForItsNotice(invoice);
        ManagementService management = engine.getManagementService();
        Job notice = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        int mailsBefore = mailsAbout(invoice);
        smtp.stop();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    management.executeJob(notice.getId());
                } catch (RuntimeException expected) {
                    // the SMTP server refused: the step's transaction rolls back, its job keeps the case where it was
                }
                Job failed = management.createJobQuery().jobId(notice.getId()).singleResult();
                assertThat(failed.getRetries()).as("retries left after failure " + attempt).isEqualTo(5 - attempt);
                if (attempt == 1) {
                    assertThat(failed.getDuedate()).as("next try in 10 minutes")
                            .isAfter(java.util.Date.from(Instant.now().plus(Duration.ofMinutes(9))));
                }
            }
            assertThat(runtime().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
            assertThat(app.getBean(InvoiceService.class).get(invoice).getStatus())
                    .as("the case is not rolled back").isEqualTo(InvoiceStatus.OVERDUE);
            assertThat(runtime().getActivityInstance(instance.getId()).getChildTransitionInstances())
                    .extracting(transition -> transition.getActivityId()).containsExactly(Activities.NOTIFY_OVERDUE);
        } finally {
            smtp = startSmtp();
        }

        // the operator's "retry" in Cockpit
        management.setJobRetries(notice.getId(), 1);
        management.executeJob(notice.getId());
        assertThat(runtime().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        DueJobs.run(management, instance.getId());
        assertThat(mailsAbout(invoice) - mailsBefore).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Activities.NEGOTIATE_PAYMENT).taskAssignee(MANAGER).count()).isEqualTo(1);
    }

    @Test
    void theOverdueNoticeNamesTheLastWorkingDayOfTheNegotiationAsItsDeadlineCountsIt() throws Exception {
        String invoice = "NOTICE-1";
        ProcessInstance instance = overdueCaseWaitingForItsNotice(invoice);
        ZoneId zone = app.getBean(Deadlines.class).zone();
        LocalDate today = LocalDate.now(zone);

        DueJobs.run(engine.getManagementService(), instance.getId());

        Task negotiation = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Activities.NEGOTIATE_PAYMENT).singleResult();
        LocalDate lastDay = negotiation.getDueDate().toInstant().atZone(zone).toLocalDate().minusDays(1);
        assertThat(app.getBean(BusinessCalendar.class).workingDaysBetween(today, lastDay))
                .as("ten working days from today").isEqualTo(10);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
        MimeMessage notice = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> subject(message).startsWith("Overdue") && subject(message).contains(invoice))
                .findFirst().orElseThrow();
        String text = MailText.of(notice).replaceAll("\\s+", " ");
        assertThat(text).contains("has until the end of <b>" + lastDay.format(day) + "</b>",
                "(<span>10 working days</span>)", "goes to the lawyers on <b>" + lastDay.plusDays(1).format(day));
        assertThat(text).doesNotContain("10 days");
    }


    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case past its due date whose next job is the mail to the sales manager. */
    private ProcessInstance overdueCaseWaitingForItsNotice(String invoice) {
        LocalDate yesterday = LocalDate.now().minusDays(1);
        app.getBean(CollectionCases.class).register(new InvoiceData(invoice, "faults", new BigDecimal("250.00"),
                "EUR", yesterday.minusDays(30), yesterday), "erp");
        ProcessInstance instance = runtime().createProcessInstanceQuery()
                .processDefinitionKey(InvoiceCollectionProcess.KEY).processInstanceBusinessKey(invoice)
                .singleResult();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        assertThat(runtime().getActivityInstance(instance.getId()).getChildTransitionInstances())
                .extracting(transition -> transition.getActivityId()).containsExactly(Activities.NOTIFY_OVERDUE);
        return instance;
    }

    private int mailsAbout(String invoice) throws Exception {
        int count = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().contains(invoice)) {
                count++;
            }
        }
        return count;
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    private double clashes() {
        return app.getBean(MeterRegistry.class).counter("collectflow.case.closing.retries").count();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
