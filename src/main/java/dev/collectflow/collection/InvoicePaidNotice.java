package dev.collectflow.collection;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.notification.Notifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells everybody who worked on a case that it is paid: the sales manager, whoever held one of its tasks and whoever
 * decided a step of it (the notifier mails only Camunda users, so system actors drop out).
 */
@Service
public class InvoicePaidNotice {

    /** Entries that record bookings, not work on the case: who booked them needs no news. */
    private static final Set<CaseEventType> BOOKKEEPING =
            Set.of(CaseEventType.REGISTERED, CaseEventType.PAYMENT_RECEIVED, CaseEventType.PAID);

    private final CollectionCases cases;
    private final Notifier notifier;
    private final HistoryService history;
    private final AuditTrail audit;

    public InvoicePaidNotice(CollectionCases cases, Notifier notifier, HistoryService history, AuditTrail audit) {
        this.cases = cases;
        this.notifier = notifier;
        this.history = history;
        this.audit = audit;
    }

    @Transactional
    public void send(String invoiceNumber, String processInstanceId, String salesManager) {
        CaseFacts facts = cases.facts(invoiceNumber);
        Set<String> involved = new LinkedHashSet<>();
        involved.add(salesManager);
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(HistoricTaskInstance::getAssignee)
                .forEach(involved::add);
        audit.of(invoiceNumber).stream()
                .filter(event -> !BOOKKEEPING.contains(event.getType()))
                .forEach(event -> involved.add(event.getActor()));
        involved.remove(null);
        involved.remove(AuditTrail.SYSTEM);
        if (involved.isEmpty()) {
            return; // paid before anybody worked on it
        }
        List<String> sentTo = notifier.send(involved,
                "Paid: invoice " + facts.title() + ", " + facts.amountText(),
                "invoice-paid",
                Map.of("facts", facts));
        audit.record(invoiceNumber, CaseEventType.PAID_NOTICE_SENT, AuditTrail.SYSTEM,
                "Told " + String.join(", ", sentTo));
    }
}
