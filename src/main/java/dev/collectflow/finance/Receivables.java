package dev.collectflow.finance;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.invoice.InvoiceStatus;
import dev.collectflow.system.Money;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finance's part of a case: confirming what is overdue, settling disputes, writing off. */
@Service
public class Receivables {

    private final InvoiceService invoices;
    private final CollectionCases cases;
    private final AuditTrail audit;

    public Receivables(InvoiceService invoices, CollectionCases cases, AuditTrail audit) {
        this.invoices = invoices;
        this.cases = cases;
        this.audit = audit;
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

    @Transactional
    public void recordDisputeDecision(String invoiceNumber, DisputeDecision decision, BigDecimal amountOwed,
                                      String note, String actor) {
        if (decision == DisputeDecision.JUSTIFIED) {
            audit.record(invoiceNumber, CaseEventType.DISPUTE_JUSTIFIED, actor,
                    "Client owes " + amountOwed + "; " + note);
        } else {
            audit.record(invoiceNumber, CaseEventType.DISPUTE_REJECTED, actor, note);
        }
    }

    /** Applies a justified dispute; answers whether anything is left to collect. */
    @Transactional
    public boolean correctOpenAmount(String invoiceNumber, BigDecimal amountOwed) {
        BigDecimal before = invoices.reduceOpenAmount(invoiceNumber, amountOwed);
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

    @Transactional
    public void closeAsCollected(String invoiceNumber) {
        invoices.close(invoiceNumber, InvoiceStatus.COLLECTED);
    }

    @Transactional
    public void writeOff(String invoiceNumber, String reason) {
        Invoice invoice = invoices.close(invoiceNumber, InvoiceStatus.WRITTEN_OFF);
        audit.record(invoiceNumber, CaseEventType.WRITTEN_OFF, AuditTrail.SYSTEM,
                Money.format(invoice.getOpenAmount(), invoice.getCurrency()) + " written off: " + reason);
    }
}
