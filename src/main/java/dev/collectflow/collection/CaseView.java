package dev.collectflow.collection;

import dev.collectflow.commitment.PaymentPlanView;
import dev.collectflow.commitment.PromiseView;
import dev.collectflow.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/** A case as GET /api/invoices/{number} shows it. */
public record CaseView(
        String number,
        String clientId,
        String clientName,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate,
        InvoiceStatus status,
        CaseStage stage,
        long daysOverdue,
        String salesManager,
        /* promises to pay made in negotiation, with how each was kept once decided */
        List<PromiseView> promises,
        /* the payment plan agreed in negotiation, if any: its instalments, what is paid of each, how each was kept */
        PaymentPlanView paymentPlan,
        List<OpenTask> openTasks,
        List<Event> history) {

    public record OpenTask(String id, String taskDefinitionKey, String name, String assignee,
                           List<String> candidateGroups, Date created, Date due) {
    }

    public record Event(Instant at, String actor, String type, String detail) {
    }
}
