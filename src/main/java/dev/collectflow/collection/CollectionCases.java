package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.CLIENT_ID;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.OVERDUE_FROM;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.Client;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.commitment.PaymentPlanView;
import dev.collectflow.commitment.PromiseView;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.invoice.InvoiceService.Registration;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.system.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts collection cases and shows them: one case per invoice, its process instance keyed by the invoice number. */
@Service
public class CollectionCases {

    private final InvoiceService invoices;
    private final ClientRepository clients;
    private final PaymentService payments;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Commitments commitments;

    public CollectionCases(InvoiceService invoices, ClientRepository clients, PaymentService payments, AuditTrail audit,
                       Deadlines deadlines, RuntimeService runtime, TaskService tasks, ApplicationEventPublisher events,
                       Commitments commitments) {
        this.invoices = invoices;
        this.clients = clients;
        this.payments = payments;
        this.audit = audit;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.commitments = commitments;
    }

    /**
     * Registers the invoice and starts its case in one transaction. Payments that arrived before the invoice was
     * known are applied at once, so they may end the case straight away.
     */
    @Transactional
    public Registration register(InvoiceData data, String actor) {
        return start(data, actor).registration();
    }

    /**
     * Registers like {@link #register} and answers the new case's view as this transaction leaves it, without
     * reading back what it has just written: the registration line, no promise or plan yet, and the stage and open
     * tasks of the process instance it started. No view when the invoice was registered before, or when waiting
     * payments were booked (they may end the case after the commit): read it after the commit then.
     */
    @Transactional
    public Intake registerAndView(InvoiceData data, String actor) {
        Started started = start(data, actor);
        if (!started.registration().created() || started.paymentsBooked() > 0) {
            return new Intake(started.registration(), Optional.empty());
        }
        CaseFacts facts = facts(started.registration().invoice());
        ActivityInstance activities = runtime.getActivityInstance(started.processInstanceId());
        List<CaseView.OpenTask> openTasks = inUserTask(activities)
                ? openTasks(tasks.createTaskQuery().processInstanceId(started.processInstanceId())) : List.of();
        return new Intake(started.registration(), Optional.of(view(facts, CaseStage.of(activeActivities(activities)),
                List.of(), null, openTasks, List.of(event(started.registered())))));
    }

    /** A registration, and the view of its new case when the registering transaction could answer it exactly. */
    public record Intake(Registration registration, Optional<CaseView> view) {
    }

    private Started start(InvoiceData data, String actor) {
        Registration registration = invoices.register(data);
        if (!registration.created()) {
            return new Started(registration, null, null, 0);
        }
        Invoice invoice = registration.invoice();
        CaseFacts facts = facts(invoice);
        CaseEvent registered = audit.record(invoice.getNumber(), CaseEventType.REGISTERED, actor,
                "Amount " + facts.amountText() + ", due " + invoice.getDueDate());
        ProcessInstance instance = runtime.createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey(invoice.getNumber())
                .setVariable(CLIENT_ID, invoice.getClientId())
                .setVariable(OVERDUE_FROM, deadlines.overdueFrom(invoice.getDueDate()))
                .execute();
        events.publishEvent(new CaseRegistered(invoice.getNumber(), invoice.getClientId()));
        int booked = payments.matchPending(invoice.getNumber());
        return new Started(registration, instance.getId(), registered, booked);
    }

    private record Started(Registration registration, String processInstanceId, CaseEvent registered,
                           int paymentsBooked) {
    }

    @Transactional(readOnly = true)
    public CaseFacts facts(String invoiceNumber) {
        return facts(invoices.get(invoiceNumber));
    }

    @Transactional(readOnly = true)
    public CaseView view(String invoiceNumber) {
        return view(facts(invoiceNumber));
    }

    @Transactional(readOnly = true)
    public CaseView view(CaseFacts facts) {
        String invoiceNumber = facts.invoiceNumber();
        List<CaseView.OpenTask> openTasks = openTasks(tasks.createTaskQuery()
                .processInstanceBusinessKey(invoiceNumber)
                .processDefinitionKey(InvoiceCollectionProcess.KEY));
        List<CaseView.Event> history = audit.of(invoiceNumber).stream().map(CollectionCases::event).toList();
        return view(facts, stage(invoiceNumber), commitments.promisesOf(invoiceNumber),
                commitments.planOf(invoiceNumber).orElse(null), openTasks, history);
    }

    private static CaseView view(CaseFacts facts, CaseStage stage, List<PromiseView> promises, PaymentPlanView plan,
                                 List<CaseView.OpenTask> openTasks, List<CaseView.Event> history) {
        return new CaseView(facts.invoiceNumber(), facts.clientId(), facts.clientName(), facts.amount(),
                facts.openAmount(), facts.currency(), facts.issueDate(), facts.dueDate(), facts.status(),
                stage, facts.daysOverdue(), facts.owner(), promises, plan, openTasks, history);
    }

    private List<CaseView.OpenTask> openTasks(TaskQuery query) {
        return query.orderByTaskCreateTime().asc().list().stream()
                .map(task -> new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getAssignee(), candidateGroups(task.getId()), task.getCreateTime(), task.getDueDate()))
                .toList();
    }

    private static CaseView.Event event(CaseEvent event) {
        return new CaseView.Event(event.getOccurredAt(), event.getActor(), event.getType().name(), event.getDetail());
    }

    /** Where the case stands in the regulation; CLOSED once its process has ended. */
    @Transactional(readOnly = true)
    public CaseStage stage(String invoiceNumber) {
        return instance(invoiceNumber)
                .map(instance -> CaseStage.of(activeActivities(runtime.getActivityInstance(instance.getId()))))
                .orElse(CaseStage.CLOSED);
    }

    /** The running cases of a client. */
    public List<ProcessInstance> runningCasesOf(String clientId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceCollectionProcess.KEY)
                .variableValueEquals(CLIENT_ID, clientId)
                .list();
    }

    public Optional<ProcessInstance> instance(String invoiceNumber) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceCollectionProcess.KEY)
                .processInstanceBusinessKey(invoiceNumber)
                .singleResult());
    }

    private CaseFacts facts(Invoice invoice) {
        Client client = clients.findById(invoice.getClientId())
                .orElseThrow(() -> new NotFoundException("client", invoice.getClientId()));
        long daysOverdue = invoice.getStatus().isClosed() ? 0 : deadlines.daysOverdue(invoice.getDueDate());
        return new CaseFacts(invoice.getNumber(), client.getId(), client.getName(), client.getEmail(),
                client.isKeyClient(), client.getOwner(), invoice.getAmount(), invoice.getOpenAmount(),
                invoice.getCurrency(), invoice.getIssueDate(), invoice.getDueDate(), daysOverdue, invoice.getStatus(),
                invoice.getHandedToLegalAt() != null);
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** Whether an instance of a user task is active, i.e. the case has an open task. */
    private static boolean inUserTask(ActivityInstance root) {
        if (root == null) {
            return false;
        }
        for (ActivityInstance child : root.getChildActivityInstances()) {
            if (ActivityTypes.TASK_USER_TASK.equals(child.getActivityType()) || inUserTask(child)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> activeActivities(ActivityInstance root) {
        List<String> ids = new ArrayList<>();
        if (root == null) {
            return ids;
        }
        for (ActivityInstance child : root.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            ids.addAll(activeActivities(child));
        }
        for (TransitionInstance transition : root.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        return ids;
    }
}
