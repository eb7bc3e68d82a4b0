package dev.collectflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.util.GreenMail;
import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.payment.PaymentData;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.security.DirectoryGrants;
import dev.collectflow.system.Groups;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What tests of the regulation share: the company's people, clients and invoices made up per test, the engine's
 * jobs executed on demand, time moved on the clock, and the mails GreenMail received.
 */
@CollectFlowIntegrationTest
public abstract class CollectionTestSupport {

    /** A Monday, 10:00 in Berlin: every test starts here, so dates in assertions are exact. */
    protected static final Instant START = Instant.parse("2027-01-11T09:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2027, 1, 11);
    protected static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected ManagementService management;
    @Autowired protected IdentityService identity;
    @Autowired protected CollectionCases cases;
    @Autowired protected ClientService clients;
    @Autowired protected InvoiceService invoices;
    @Autowired protected PaymentService payments;
    @Autowired protected AuditTrail audit;
    @Autowired protected TestClock clock;
    @Autowired protected GreenMail greenMail;
    @Autowired protected DirectoryGrants directory;

    @BeforeEach
    void prepareWorld() throws Exception {
        init(engine);
        clock.set(START);
        greenMail.purgeEmailFromAllMailboxes();
        group(Groups.SALES, "WORKFLOW");
        group(Groups.SALES_HEADS, "WORKFLOW");
        group(Groups.LEGAL, "WORKFLOW");
        group(Groups.MANAGEMENT, "WORKFLOW");
        group(Groups.FINANCE, "WORKFLOW");
        group("teamnorth", Groups.TEAM_TYPE);
        group("teamsouth", Groups.TEAM_TYPE);
        group(Groups.ADMIN, "SYSTEM");
        person("mia", Groups.SALES, "teamnorth");
        person("max", Groups.SALES, "teamnorth");
        person("sam", Groups.SALES_HEADS, "teamnorth");
        person("lena", Groups.LEGAL);
        person("leo", Groups.LEGAL);
        person("dora", Groups.MANAGEMENT);
        person("fred", Groups.FINANCE);
        person("olga", Groups.ADMIN);
        person("otto", Groups.SALES, "teamsouth");
        person("hugo", Groups.SALES_HEADS, "teamsouth");
        person("nia", Groups.SALES); // a sales manager in no team
        directory.reconcile(); // as after an operator's change: who sees whom follows the memberships
    }

    @AfterEach
    void backToRealTime() {
        identity.clearAuthentication();
        clock.reset();
    }

    /** Midnight in Berlin (the test profile's zone) at the end of the given day: when a deadline on that day passes. */
    protected static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(BERLIN).toInstant());
    }

    // ---- the company ----

    protected String client(String owner, boolean keyClient) {
        String id = "c-" + RUN.toLowerCase() + "-" + SEQUENCE.incrementAndGet();
        clients.save(id, new ClientDetails("Client " + id, "accounts@" + id + ".example", null, null, owner,
                keyClient, "en"));
        return id;
    }

    protected String newInvoiceNumber() {
        return "T" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** Registers an invoice of 1,000.00 EUR due on the given day and returns its case. */
    protected ProcessInstance invoice(String clientId, LocalDate dueDate) {
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("1000.00"), "EUR", dueDate.minusDays(30),
                dueDate), "fred");
        return cases.instance(number).orElseThrow();
    }

    /** An invoice of the client that fell due yesterday, with the regulation run up to its first wait. */
    protected ProcessInstance overdueInvoice(String clientId) {
        ProcessInstance instance = invoice(clientId, TODAY.minusDays(1));
        runDueJobs(instance);
        return instance;
    }

    protected Invoice invoiceOf(ProcessInstance instance) {
        return invoices.get(instance.getBusinessKey());
    }

    // ---- time and the engine ----

    protected void travel(Duration duration) {
        clock.travel(duration);
    }

    /** Executes every job of the case that is due now (timers whose time has come, asynchronous steps). */
    protected void runDueJobs(ProcessInstance instance) {
        DueJobs.run(management, instance.getId());
    }

    protected Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    /** The case's timer at one activity, where several wait at once (the claim month and its reminders). */
    protected Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
    }

    protected Task openTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Completes the case's open task as the given user (as Tasklist would: logged in), then runs due jobs. */
    protected void completeAs(String userId, ProcessInstance instance, Map<String, Object> variables) {
        Task task = openTask(instance);
        identity.setAuthentication(userId, groupsOf(userId));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        runDueJobs(instance);
    }

    protected PaymentService.Receipt pay(ProcessInstance instance, String amount) {
        return pay(instance.getBusinessKey(), "P-" + UUID.randomUUID(), amount);
    }

    protected PaymentService.Receipt pay(String invoiceNumber, String paymentId, String amount) {
        return payments.receive(new PaymentData(paymentId, invoiceNumber, new BigDecimal(amount), "EUR", TODAY),
                "fred");
    }

    // ---- what happened ----

    protected List<CaseEvent> history(ProcessInstance instance) {
        return audit.of(instance.getBusinessKey());
    }

    protected CaseEvent lastEvent(ProcessInstance instance, CaseEventType type) {
        return history(instance).stream().filter(e -> e.getType() == type).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " in " + history(instance)));
    }

    /** Recipients of the mails about this case whose subject starts with the given words. */
    protected List<String> mailedTo(ProcessInstance instance, String subjectStart) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).startsWith(subjectStart) && subject(m).contains(instance.getBusinessKey()))
                .flatMap(m -> recipients(m).stream())
                .distinct()
                .sorted()
                .toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private void group(String id, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    protected void person(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            user.setLastName("Test");
            user.setEmail(id + "@test.local");
            user.setPassword("secret");
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }
}
