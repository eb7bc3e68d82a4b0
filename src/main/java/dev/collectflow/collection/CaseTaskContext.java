package dev.collectflow.collection;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.system.Markdown;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives every task of a case the context a person needs to act: a name that says which case it is
 * ("Negotiate payment — INV-2031, Acme Ltd") and task-local variables that its form shows (client, amounts, days
 * overdue, the case history). Local to the task, so they never overwrite what the process decides with. Text
 * people typed is escaped: forms render these values as Markdown.
 */
@Component("caseTaskContext")
public class CaseTaskContext implements TaskListener {

    /** Names of the task-local variables forms and task lists show. */
    public static final String CLIENT = "caseClient";
    public static final String INVOICE = "caseInvoice";
    public static final String AMOUNT = "caseAmount";
    public static final String OPEN_AMOUNT = "caseOpenAmount";
    public static final String DUE_DATE = "caseDueDate";
    public static final String DAYS_OVERDUE = "caseDaysOverdue";
    public static final String KEY_CLIENT = "caseKeyClient";
    public static final String HISTORY = "caseHistory";
    public static final String DISPUTE_REASON = "caseDisputeReason";

    private static final int HISTORY_LINES = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final CollectionCases cases;
    private final AuditTrail audit;
    private final Deadlines deadlines;

    CaseTaskContext(CollectionCases cases, AuditTrail audit, Deadlines deadlines) {
        this.cases = cases;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        String invoiceNumber = task.getExecution().getProcessBusinessKey();
        CaseFacts facts = cases.facts(invoiceNumber);
        String activityName = task.getBpmnModelElementInstance().getName();
        task.setName(activityName + " — " + facts.title());
        Object disputeReason = task.getVariable(InvoiceCollectionProcess.Variables.DISPUTE_REASON);
        if (disputeReason != null) {
            task.setVariableLocal(DISPUTE_REASON, Markdown.text(disputeReason.toString()));
        }
        task.setVariablesLocal(Map.of(
                CLIENT, Markdown.text(facts.clientName()) + (facts.keyClient() ? " (key client)" : ""),
                INVOICE, facts.invoiceNumber(),
                AMOUNT, facts.amountText(),
                OPEN_AMOUNT, facts.openAmountText(),
                DUE_DATE, facts.dueDate().format(DAY),
                DAYS_OVERDUE, facts.daysOverdue(),
                KEY_CLIENT, facts.keyClient(),
                HISTORY, history(invoiceNumber)));
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
