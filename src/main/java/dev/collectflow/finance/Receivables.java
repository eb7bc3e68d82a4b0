package dev.collectflow.finance;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.payment.PaymentService;
import dev.collectflow.system.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finance's part of a case: confirming what is overdue, settling disputes, booking what the court collected,
 * writing off. Amounts stay in the ledger; the process carries only whether something is left to collect.
 */
@Service
public class Receivables {

    private final InvoiceService invoices;
    private final PaymentService payments;
    private final DisputeResolutionRepository resolutions;
    private final CollectionCases cases;
    private final Deadlines deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public Receivables(InvoiceService invoices, PaymentService payments, DisputeResolutionRepository resolutions,
                       CollectionCases cases, Deadlines deadlines, AuditTrail audit, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.resolutions = resolutions;
        this.cases = cases;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** The due date has passed: the invoice is overdue with what the ledger shows open now. */
    @Transactional
    public CaseFacts confirmOverdue(String invoiceNumber) {
        invoices.markOverdue(invoiceNumber);
        CaseFacts facts = cases.facts(invoiceNumber);
        audit.record(invoiceNumber, CaseEventType.OVERDUE, AuditTrail.SYSTEM,
                "Due " + facts.dueDate() + ", open " + facts.openAmountText() + " of " + facts.amountText());
        return facts;
    }

    /** Why a justified dispute cannot leave the client owing this much, or empty if it can (the invoice's rule). */
    @Transactional(readOnly = true)
    public Optional<String> reductionRefusal(String invoiceNumber, BigDecimal amountOwed) {
        return invoices.get(invoiceNumber).reductionRefusal(amountOwed);
    }

    @Transactional
    public void recordDisputeDecision(String invoiceNumber, DisputeDecision decision, BigDecimal amountOwed,
                                      String note, String actor) {
        resolutions.save(new DisputeResolution(invoiceNumber, decision, amountOwed, note, actor, clock.instant()));
        if (decision == DisputeDecision.JUSTIFIED) {
            Invoice invoice = invoices.get(invoiceNumber);
            audit.record(invoiceNumber, CaseEventType.DISPUTE_JUSTIFIED, actor,
                    "Client owes " + Money.format(amountOwed, invoice.getCurrency()) + "; " + note);
        } else {
            audit.record(invoiceNumber, CaseEventType.DISPUTE_REJECTED, actor, note);
        }
    }

    /** Applies the latest justified finding to the open amount; answers whether anything is left to collect. */
    @Transactional
    public boolean applyJustifiedDispute(String invoiceNumber) {
        DisputeResolution finding = resolutions.findFirstByInvoiceNumberOrderByDecidedAtDescIdDesc(invoiceNumber)
                .filter(r -> r.getDecision() == DisputeDecision.JUSTIFIED)
                .orElseThrow(() -> new IllegalStateException("No justified dispute recorded for " + invoiceNumber));
        BigDecimal before = invoices.reduceOpenAmount(invoiceNumber, finding.getAmountOwed());
        Invoice invoice = invoices.get(invoiceNumber);
        audit.record(invoiceNumber, CaseEventType.AMOUNT_CORRECTED, AuditTrail.SYSTEM,
                "Open amount " + Money.format(before, invoice.getCurrency()) + " → "
                        + Money.format(invoice.getOpenAmount(), invoice.getCurrency()));
        if (invoice.getStatus() == InvoiceStatus.CANCELLED) {
            audit.record(invoiceNumber, CaseEventType.CANCELLED, AuditTrail.SYSTEM, "Nothing left to collect");
            return false;
        }
        return true;
    }

    /** The court's enforcement collected what was open: recorded as a payment from the court, today. */
    @Transactional
    public void closeAsCollected(String invoiceNumber) {
        payments.recordCourtCollection(invoiceNumber, deadlines.today(), AuditTrail.SYSTEM);
    }

    @Transactional
    public void writeOff(String invoiceNumber, WriteOffReason reason) {
        Invoice invoice = invoices.writeOff(invoiceNumber);
        audit.record(invoiceNumber, CaseEventType.WRITTEN_OFF, AuditTrail.SYSTEM,
                Money.format(invoice.getOpenAmount(), invoice.getCurrency()) + " written off: "
                        + reason.description());
    }
}
