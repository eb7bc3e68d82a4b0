package dev.collectflow.demo;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.commitment.PlannedInstalment;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.payment.PaymentData;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.pressure.PressureScaleProcess;
import dev.collectflow.sales.PaymentPlans;
import dev.collectflow.staff.CallPreferences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Demo company for the embedded default: people in every department, clients (one key client, one without owner)
 * and cases in several stages, so Tasklist shows real work at once. Created on the first start only: a restart
 * finds the demo clients and leaves everything as it is.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String MARKER_CLIENT = "acme";

    private final DemoUsers users;
    private final DemoProperties properties;
    private final ClientRepository clientRepository;
    private final ClientService clients;
    private final CollectionCases cases;
    private final InvoiceService invoices;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final DemoHistory history;
    private final CallPreferences callPreferences;
    private final Commitments commitments;
    private final PaymentPlans paymentPlans;
    private final PaymentService payments;

    DemoData(DemoUsers users, DemoProperties properties, ClientRepository clientRepository, ClientService clients,
             CollectionCases cases, InvoiceService invoices, AuditTrail audit, Deadlines deadlines,
             RuntimeService runtime, DemoHistory history, CallPreferences callPreferences, Commitments commitments,
             PaymentPlans paymentPlans, PaymentService payments) {
        this.users = users;
        this.properties = properties;
        this.clientRepository = clientRepository;
        this.clients = clients;
        this.cases = cases;
        this.invoices = invoices;
        this.audit = audit;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.history = history;
        this.callPreferences = callPreferences;
        this.commitments = commitments;
        this.paymentPlans = paymentPlans;
        this.payments = payments;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Assert.hasText(properties.password(), "collectflow.demo.password must be set for the demo");
        users.create(properties.password());
        if (clientRepository.existsById(MARKER_CLIENT)) {
            log.info("Demo data present; nothing to create");
            return;
        }
        client("acme", "Acme Ltd", "Alice Archer", "mia", false);
        client("globex", "Globex GmbH", "Gustav Gross", "max", false);
        client("initech", "Initech AG", "Ingrid Ito", "mia", true);
        client("umbrella", "Umbrella Corp", "Ulf Umber", null, false);

        LocalDate today = deadlines.today();
        invoice("ACME-1001", "acme", "4800.00", today.minusDays(10), today.plusDays(20)); // not yet due
        invoice("ACME-0990", "acme", "12500.00", today.minusDays(33), today.minusDays(3)); // negotiation: mia
        invoice("GLX-2001", "globex", "7300.50", today.minusDays(35), today.minusDays(5)); // negotiation: max
        invoice("INI-3001", "initech", "58000.00", today.minusDays(32), today.minusDays(2)); // management decides
        invoice("UMB-4001", "umbrella", "2150.00", today.minusDays(31), today.minusDays(1)); // heads assign owner
        caseAtLegal("GLX-1990", "globex", "max", "9900.00", today.minusDays(60), today.minusDays(30));
        caseInClaimMonth("ACME-0980", "acme", "mia", "6400.00", today.minusDays(70), today.minusDays(40),
                today.minusDays(7));
        caseWithPaymentPlan("GLX-1995", "globex", "max", today);
        history.create(today); // months of settled invoices, so the dashboard has figures at once
        callDueToday("ACME-0990", "mia");
        log.info("Demo data created: log in to Tasklist as mia, max, sam, lena, dora or fred");
    }

    private void client(String id, String name, String contact, String owner, boolean keyClient) {
        clients.save(id, new ClientDetails(name, "accounts@" + id + ".example", "+49 30 1234567", contact, owner,
                keyClient, "en"));
    }

    private void invoice(String number, String clientId, String amount, LocalDate issued, LocalDate due) {
        cases.register(new InvoiceData(number, clientId, new BigDecimal(amount), "EUR", issued, due), "demo");
    }

    /** The case's pressure scale has reached its call: the owner calls the client today at their call time. */
    private void callDueToday(String number, String owner) {
        ProcessInstance scale = runtime.createProcessInstanceQuery().processDefinitionKey(PressureScaleProcess.KEY)
                .processInstanceBusinessKey(number).singleResult();
        Date callAt = Date.from(deadlines.today().atTime(callPreferences.of(owner).callTime())
                .atZone(callPreferences.of(owner).timeZone()).toInstant());
        runtime.setVariables(scale.getId(), Map.of(PressureScaleProcess.Variables.STEP, "CALL",
                PressureScaleProcess.Variables.STEP_AT, callAt, PressureScaleProcess.Variables.STEP_OWNER, owner));
        // the call now; the scale plans the step after it as usual
        runtime.createProcessInstanceModification(scale.getId())
                .startBeforeActivity(PressureScaleProcess.Activities.CALL_CLIENT)
                .execute();
    }

    /**
     * A case whose claim lena sent a week ago: the client's month runs, and the owner's weekly reminder to stay in
     * touch is open today.
     */
    private void caseInClaimMonth(String number, String clientId, String salesManager, String amount, LocalDate issued,
                                  LocalDate due, LocalDate claimSentOn) {
        invoices.register(new InvoiceData(number, clientId, new BigDecimal(amount), "EUR", issued, due));
        invoices.markOverdue(number);
        invoices.markHandedToLegal(number);
        audit.record(number, CaseEventType.REGISTERED, "demo", "Demo case in its claim month");
        audit.record(number, CaseEventType.NO_AGREEMENT, salesManager, "Client refuses to pay (demo)");
        audit.record(number, CaseEventType.HANDED_TO_LEGAL, AuditTrail.SYSTEM,
                "Because the sales manager reached no agreement with the client");
        audit.record(number, CaseEventType.CLAIM_SENT, "lena", "Claim CL-DEMO-1 sent on " + claimSentOn
                + "; the client has until the end of " + deadlines.lastDayToPay(claimSentOn) + " to pay");
        ProcessInstance instance = runtime.createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey(number)
                .setVariable(CLIENT_ID, clientId)
                .setVariable(OVERDUE_FROM, deadlines.overdueFrom(due))
                .setVariable(SALES_MANAGER, salesManager)
                .setVariable(ESCALATION_REASON, "NO_AGREEMENT")
                .setVariable(LAWYER, "lena")
                .setVariable(CLAIM_NUMBER, "CL-DEMO-1")
                .setVariable(CLAIM_SENT_ON, claimSentOn.toString())
                .setVariable(CLAIM_DEADLINE, deadlines.claimDeadline(claimSentOn))
                .startBeforeActivity(InvoiceCollectionProcess.Activities.CLAIM_PERIOD_PASSED)
                .execute();
        String claimMonth = runtime.getActivityInstance(instance.getId())
                .getActivityInstances(InvoiceCollectionProcess.Scopes.CLAIM_MONTH)[0].getId();
        // this week's reminder, as the weekly timer would have given it today
        runtime.createProcessInstanceModification(instance.getId())
                .startBeforeActivity(InvoiceCollectionProcess.Activities.REMIND_CLIENT_OF_CLAIM, claimMonth)
                .execute();
    }

    /**
     * A case whose client agreed a payment plan of three instalments: the first is paid, the second is coming; the
     * case waits for the second instalment's date.
     */
    private void caseWithPaymentPlan(String number, String clientId, String salesManager, LocalDate today) {
        LocalDate due = today.minusDays(20);
        invoices.register(new InvoiceData(number, clientId, new BigDecimal("6000.00"), "EUR", due.minusDays(30), due));
        invoices.markOverdue(number);
        audit.record(number, CaseEventType.REGISTERED, "demo", "Demo case with a payment plan");
        List<PlannedInstalment> plan = List.of(today.minusDays(8), today.plusDays(12), today.plusDays(42)).stream()
                .map(day -> new PlannedInstalment(day, new BigDecimal("2000.00"), paymentPlans.checkAt(day))).toList();
        commitments.recordPlan(number, plan, salesManager);
        audit.record(number, CaseEventType.PAYMENT_PLAN_AGREED, salesManager, "Client agreed to pay in 3 instalments: "
                + plan.stream().map(i -> i.dueOn() + " 2000.00").collect(Collectors.joining(", ")) + " (demo)");
        payments.receive(new PaymentData("DEMO-" + number + "-1", number, new BigDecimal("2000.00"), "EUR",
                today.minusDays(9)), "demo");
        runtime.createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey(number)
                .setVariable(CLIENT_ID, clientId)
                .setVariable(OVERDUE_FROM, deadlines.overdueFrom(due))
                .setVariable(SALES_MANAGER, salesManager)
                .setVariable(NEGOTIATION_OUTCOME, "PAYMENT_PLAN")
                .startBeforeActivity(InvoiceCollectionProcess.Activities.INSTALMENT_DATE_PASSED)
                .execute();
    }

    /** A case whose negotiation already failed: it starts at the legal claim, with the history saying so. */
    private void caseAtLegal(String number, String clientId, String salesManager, String amount, LocalDate issued,
                             LocalDate due) {
        invoices.register(new InvoiceData(number, clientId, new BigDecimal(amount), "EUR", issued, due));
        invoices.markOverdue(number);
        invoices.markHandedToLegal(number);
        audit.record(number, CaseEventType.REGISTERED, "demo", "Demo case that reached legal");
        audit.record(number, CaseEventType.NO_AGREEMENT, salesManager, "Client refuses to pay (demo)");
        audit.record(number, CaseEventType.HANDED_TO_LEGAL, AuditTrail.SYSTEM,
                "Because the sales manager reached no agreement with the client");
        runtime.createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey(number)
                .setVariable(CLIENT_ID, clientId)
                .setVariable(OVERDUE_FROM, deadlines.overdueFrom(due))
                .setVariable(SALES_MANAGER, salesManager)
                .setVariable(ESCALATION_REASON, "NO_AGREEMENT")
                .startBeforeActivity(InvoiceCollectionProcess.Activities.SEND_CLAIM)
                .execute();
    }
}
