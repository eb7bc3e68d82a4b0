package dev.collectflow.payment;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.invoice.InvoiceService.Settlement;
import dev.collectflow.system.ConflictException;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives payments. Each is stored first (its id makes a repeat harmless), then booked against its invoice; a
 * payment for an invoice nobody registered yet stays unmatched until that invoice arrives. A payment commits on its
 * own, without touching the case's process: a payment that settles the invoice ends the case after the commit
 * ({@code collection.InvoicePaidCorrelation}), so a step of the case running at the same moment cannot refuse it.
 */
@Service
public class PaymentService {

    /** Court collections get ids the API cannot give (it allows no ':'), one per invoice. */
    static final String COURT_PAYMENT_PREFIX = "court:";

    private final PaymentRepository payments;
    private final InvoiceService invoices;
    private final AuditTrail audit;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, InvoiceService invoices, AuditTrail audit, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Receipt receive(PaymentData data, String actor) {
        Optional<Payment> earlier = payments.findById(data.paymentId());
        if (earlier.isPresent()) {
            if (!earlier.get().data().sameAs(data)) {
                throw new ConflictException("paymentId",
                        "payment " + data.paymentId() + " is already recorded with other data");
            }
            return receipt(earlier.get(), false);
        }
        Optional<Invoice> invoice = invoices.lock(data.invoiceNumber());
        if (invoice.isPresent() && !invoice.get().getCurrency().equals(data.currency())) {
            throw new InvalidInputException("currency",
                    "invoice " + data.invoiceNumber() + " is in " + invoice.get().getCurrency());
        }
        Payment payment = payments.save(new Payment(data, clock.instant(), PaymentSource.TRANSFER));
        if (invoice.isPresent()) {
            book(payment, actor);
        }
        return receipt(payment, true);
    }

    /** Books the payments that named this invoice before it was registered; answers how many it booked. */
    @Transactional
    public int matchPending(String invoiceNumber) {
        List<Payment> waiting = payments.waitingFor(invoiceNumber);
        if (waiting.isEmpty()) {
            return 0;
        }
        String currency = invoices.get(invoiceNumber).getCurrency();
        int booked = 0;
        for (Payment payment : waiting) {
            if (payment.getCurrency().equals(currency)) {
                book(payment, AuditTrail.SYSTEM);
                booked++;
            }
        }
        return booked;
    }

    /**
     * Records what the court's enforcement collected as a payment from the court: the open amount, booked on the
     * given day. Done once per invoice; nothing is recorded when nothing was open.
     */
    @Transactional
    public Optional<Payment> recordCourtCollection(String invoiceNumber, LocalDate collectedOn, String actor) {
        String paymentId = COURT_PAYMENT_PREFIX + invoiceNumber;
        if (payments.existsById(paymentId)) {
            return payments.findById(paymentId);
        }
        String currency = invoices.get(invoiceNumber).getCurrency();
        BigDecimal collected = invoices.collectInCourt(invoiceNumber);
        if (collected.signum() == 0) {
            return Optional.empty();
        }
        Payment payment = new Payment(new PaymentData(paymentId, invoiceNumber, collected, currency, collectedOn),
                clock.instant(), PaymentSource.COURT);
        payment.markMatched();
        payments.save(payment);
        audit.record(invoiceNumber, CaseEventType.PAYMENT_RECEIVED, actor, "Collected in court: "
                + Money.format(collected, currency) + " on " + collectedOn + "; open amount now "
                + Money.format(BigDecimal.ZERO, currency));
        return Optional.of(payment);
    }

    @Transactional(readOnly = true)
    public List<Payment> unmatched() {
        return payments.findByMatchedFalseOrderByReceivedAt();
    }

    private void book(Payment payment, String actor) {
        payment.markMatched();
        Settlement settlement = invoices.applyPayment(payment.getInvoiceNumber(), payment.getAmount());
        String detail = "Payment " + payment.getPaymentId() + " of " + Money.format(payment.getAmount(), payment.getCurrency())
                + " paid on " + payment.getPaidOn() + "; open amount now "
                + Money.format(settlement.openAmount(), payment.getCurrency())
                + (settlement.excess().signum() > 0
                        ? "; overpaid by " + Money.format(settlement.excess(), payment.getCurrency()) : "");
        audit.record(payment.getInvoiceNumber(), CaseEventType.PAYMENT_RECEIVED, actor, detail);
        if (settlement.settled()) {
            audit.record(payment.getInvoiceNumber(), CaseEventType.PAID, actor, "Paid in full");
        }
    }

    private Receipt receipt(Payment payment, boolean created) {
        BigDecimal openAmount = payment.isMatched()
                ? invoices.get(payment.getInvoiceNumber()).getOpenAmount() : null;
        return new Receipt(payment, openAmount, created);
    }

    /** The answer to a reported payment; openAmount is that of the invoice now, null for an unmatched payment. */
    public record Receipt(Payment payment, BigDecimal openAmount, boolean created) {
    }
}
