package dev.collectflow.collection;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.commitment.PaymentPlanView;
import dev.collectflow.system.Markdown;
import dev.collectflow.system.Money;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Gives every task of a case the context a person needs to act: a name that says which case it is
 * ("Negotiate payment — INV-2031, Acme Ltd") and task-local variables that its form and the Tasklist columns show
 * (client, amounts, days overdue, the case history). Local to the task, so they never overwrite what the process
 * decides with. Text people typed is escaped: forms render these values as Markdown.
 * <p>
 * A task starts empty: its own fields are removed from the case when it is created, so a task that comes round
 * again (the key-client decision after the forgiven days, the negotiation after a rejected dispute) neither shows
 * nor silently reuses the answer of its last round. What the task shows is brought up to date when the case's
 * facts change ({@link #refresh}).
 */
@Component("caseTaskContext")
public class CaseTaskContext implements TaskListener {

    /** Names of the task-local variables forms and task lists show. */
    public static final String CLIENT = "caseClient";
    /** The client's name as typed, for Tasklist's task list (which shows text as it is, not as Markdown). */
    public static final String CLIENT_NAME = "caseClientName";
    public static final String INVOICE = "caseInvoice";
    public static final String AMOUNT = "caseAmount";
    public static final String OPEN_AMOUNT = "caseOpenAmount";
    public static final String DUE_DATE = "caseDueDate";
    public static final String DAYS_OVERDUE = "caseDaysOverdue";
    public static final String KEY_CLIENT = "caseKeyClient";
    public static final String HISTORY = "caseHistory";
    public static final String DISPUTE_REASON = "caseDisputeReason";
    /** The negotiation's last day, on the negotiation task: the end of it is the negotiation's deadline. */
    public static final String NEGOTIATION_LAST_DAY = "caseNegotiationLastDay";
    /** The case's payment plan as a Markdown list (set only on cases that have one). */
    public static final String PAYMENT_PLAN = "casePaymentPlan";

    private static final int HISTORY_LINES = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", Locale.ENGLISH);

    private final CollectionCases cases;
    private final AuditTrail audit;
    private final Deadlines deadlines;
    private final TaskService tasks;
    private final Commitments commitments;
    private final Map<String, Set<String>> fieldsByTask = new HashMap<>();

    CaseTaskContext(CollectionCases cases, AuditTrail audit, Deadlines deadlines, TaskService tasks,
                    Commitments commitments, List<TaskCompletion<?>> completions) {
        this.cases = cases;
        this.audit = audit;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.commitments = commitments;
        completions.forEach(c -> fieldsByTask.put(c.taskDefinitionKey(), c.fields()));
    }

    @Override
    public void notify(DelegateTask task) {
        fieldsByTask.getOrDefault(task.getTaskDefinitionKey(), Set.of())
                .forEach(field -> task.getExecution().removeVariable(field));
        String invoiceNumber = task.getExecution().getProcessBusinessKey();
        CaseFacts facts = cases.facts(invoiceNumber);
        String activityName = task.getBpmnModelElementInstance().getName();
        task.setName(activityName + " — " + facts.title());
        Object disputeReason = task.getVariable(InvoiceCollectionProcess.Variables.DISPUTE_REASON);
        if (disputeReason != null) {
            task.setVariableLocal(DISPUTE_REASON, Markdown.text(disputeReason.toString()));
        }
        Object negotiationDeadline = task.getVariable(InvoiceCollectionProcess.Variables.NEGOTIATION_DEADLINE);
        if (InvoiceCollectionProcess.Activities.NEGOTIATE_PAYMENT.equals(task.getTaskDefinitionKey())
                && negotiationDeadline instanceof Date deadline) {
            task.setVariableLocal(NEGOTIATION_LAST_DAY, deadlines.lastDayBefore(deadline).format(WEEKDAY));
        }
        task.setVariablesLocal(shown(facts));
    }

    /**
     * Brings what the open tasks of a case show up to date with its facts now. Writes only values that changed, so
     * repeating it (another node, the next check) changes nothing.
     */
    public void refresh(String invoiceNumber) {
        // the open tasks that show this case, in whichever process (the regulation's, the pressure scale's)
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(invoiceNumber)
                .taskVariableValueEquals(INVOICE, invoiceNumber).list();
        if (open.isEmpty()) {
            return;
        }
        Map<String, Object> now = shown(cases.facts(invoiceNumber));
        for (Task task : open) {
            Map<String, Object> before = tasks.getVariablesLocal(task.getId(), now.keySet());
            Map<String, Object> changed = now.entrySet().stream()
                    .filter(e -> !Objects.equals(before.get(e.getKey()), e.getValue()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!changed.isEmpty()) {
                tasks.setVariablesLocal(task.getId(), changed);
            }
        }
    }

    private Map<String, Object> shown(CaseFacts facts) {
        Map<String, Object> shown = new LinkedHashMap<>();
        String keyClient = facts.keyClient() ? " (key client)" : "";
        shown.put(CLIENT, Markdown.text(facts.clientName()) + keyClient);
        shown.put(CLIENT_NAME, facts.clientName() + keyClient);
        shown.put(INVOICE, facts.invoiceNumber());
        shown.put(AMOUNT, facts.amountText());
        shown.put(OPEN_AMOUNT, facts.openAmountText());
        shown.put(DUE_DATE, facts.dueDate().format(DAY));
        shown.put(DAYS_OVERDUE, facts.daysOverdue());
        shown.put(KEY_CLIENT, facts.keyClient());
        shown.put(HISTORY, history(facts.invoiceNumber()));
        commitments.planOf(facts.invoiceNumber()).ifPresent(plan -> shown.put(PAYMENT_PLAN, plan(plan, facts.currency())));
        return shown;
    }

    /** One line per instalment: its day, amount, what is paid of it so far and, once decided, how it was kept. */
    private static String plan(PaymentPlanView plan, String currency) {
        return plan.instalments().stream()
                .map(line -> "- " + line.dueOn().format(DAY) + " · " + Money.format(line.amount(), currency)
                        + " · paid " + Money.format(line.paid(), currency)
                        + (line.grade() == null ? "" : " · " + humanize(line.grade().name())))
                .collect(Collectors.joining("\n"));
    }

    /** The latest steps of the case as a Markdown list, newest last. */
    private String history(String invoiceNumber) {
        List<CaseEvent> events = audit.of(invoiceNumber);
        return events.stream()
                .skip(Math.max(0, events.size() - HISTORY_LINES))
                .map(e -> "- " + e.getOccurredAt().atZone(deadlines.zone()).toLocalDate().format(DAY)
                        + " · " + Markdown.text(e.getActor()) + " · " + humanize(e.getType().name())
                        + (e.getDetail() == null ? "" : ": " + Markdown.text(e.getDetail())))
                .collect(Collectors.joining("\n"));
    }

    private static String humanize(String type) {
        String words = type.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
