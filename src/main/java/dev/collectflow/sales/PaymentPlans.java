package dev.collectflow.sales;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.commitment.PlannedInstalment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans agreed in negotiation: the rules of what may be agreed ({@link PaymentPlanProperties}) and when each
 * instalment is checked. The case waits for {@link #nextCheckAt} (named in the model as the instalment timer).
 */
@Service("paymentPlans")
public class PaymentPlans {

    private final Commitments commitments;
    private final Deadlines deadlines;
    private final PaymentPlanProperties properties;
    private final AuditTrail audit;

    public PaymentPlans(Commitments commitments, Deadlines deadlines, PaymentPlanProperties properties,
                        AuditTrail audit) {
        this.commitments = commitments;
        this.deadlines = deadlines;
        this.properties = properties;
        this.audit = audit;
    }

    /** The latest day an instalment agreed today may fall on. */
    public LocalDate latestInstalmentDate() {
        return deadlines.today().plus(properties.horizon());
    }

    public int maxInstalments() {
        return properties.maxInstalments();
    }

    /** When an instalment due on the day counts as missed: the end of that day plus the tolerance. */
    public Instant checkAt(LocalDate dueOn) {
        return dueOn.plus(properties.tolerance()).plusDays(1).atStartOfDay(deadlines.zone()).toInstant();
    }

    @Transactional
    void agree(String invoiceNumber, List<PaymentPlanEntry.Line> lines, String note, String actor) {
        commitments.recordPlan(invoiceNumber, lines.stream()
                .map(line -> new PlannedInstalment(line.dueOn(), line.amount(), checkAt(line.dueOn()))).toList(), actor);
        audit.record(invoiceNumber, CaseEventType.PAYMENT_PLAN_AGREED, actor, "Client agreed to pay in "
                + lines.size() + " instalments: " + lines.stream()
                        .map(line -> line.dueOn() + " " + line.amount().toPlainString())
                        .collect(Collectors.joining(", ")) + (note == null ? "" : " (" + note + ")"));
    }

    /**
     * When the case next looks at its plan: when the next instalment not yet graded counts as missed. With every
     * instalment paid the case is closing as paid; until that has happened it looks again a day later.
     */
    public Date nextCheckAt(String invoiceNumber) {
        return Date.from(commitments.nextInstalmentCheck(invoiceNumber)
                .orElseGet(() -> deadlines.now().plus(java.time.Duration.ofDays(1))));
    }
}
