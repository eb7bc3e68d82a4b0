package dev.collectflow.invoice;

import dev.collectflow.client.ClientRepository;
import dev.collectflow.system.ConflictException;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger side of invoices: registration and every change of the open amount. */
@Service
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final EntityManager entityManager;
    private final ClientRepository clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public InvoiceService(InvoiceRepository invoices, EntityManager entityManager, ClientRepository clients,
                          ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.entityManager = entityManager;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    /** Registers an invoice once: the same facts again are accepted without change, other facts under the number conflict. */
    @Transactional
    public Registration register(InvoiceData data) {
        Optional<Invoice> existing = invoices.findById(data.number());
        if (existing.isPresent()) {
            if (existing.get().data().sameAs(data)) {
                return new Registration(existing.get(), false);
            }
            throw new ConflictException("number",
                    "invoice " + data.number() + " is already registered with other data");
        }
        if (!clients.existsById(data.clientId())) {
            throw new InvalidInputException("clientId", "client " + data.clientId() + " does not exist");
        }
        if (data.dueDate().isBefore(data.issueDate())) {
            throw new InvalidInputException("dueDate", "must not be before issueDate");
        }
        return new Registration(invoices.save(new Invoice(data, clock.instant())), true);
    }

    @Transactional(readOnly = true)
    public Invoice get(String number) {
        return invoices.findById(number).orElseThrow(() -> new NotFoundException("invoice", number));
    }

    @Transactional
    public Invoice markOverdue(String number) {
        Invoice invoice = forUpdate(number);
        invoice.markOverdue();
        return invoice;
    }

    /**
     * Books a payment against the open amount. When nothing is left to pay the invoice is closed as paid and
     * {@link InvoiceSettled} is published in this transaction (the case is ended after it commits).
     */
    @Transactional
    public Settlement applyPayment(String number, BigDecimal amount) {
        Invoice invoice = forUpdate(number);
        boolean wasClosed = invoice.getStatus().isClosed();
        BigDecimal excess = invoice.settle(amount, InvoiceStatus.PAID, clock.instant());
        boolean settledNow = !wasClosed && invoice.getStatus() == InvoiceStatus.PAID;
        if (settledNow) {
            events.publishEvent(new InvoiceSettled(number));
        }
        return new Settlement(invoice.getOpenAmount(), excess, settledNow);
    }

    /**
     * A justified dispute: the client owes only {@code amountOwed} of what was open; nothing owed cancels the invoice.
     * Answers the open amount before.
     */
    @Transactional
    public BigDecimal reduceOpenAmount(String number, BigDecimal amountOwed) {
        Invoice invoice = forUpdate(number);
        BigDecimal before = invoice.getOpenAmount();
        if (amountOwed.signum() < 0 || amountOwed.compareTo(invoice.getOpenAmount()) >= 0) {
            throw new InvalidInputException("amountOwed",
                    "must be at least 0 and less than the open amount " + invoice.getOpenAmount());
        }
        invoice.settle(invoice.getOpenAmount().subtract(amountOwed), InvoiceStatus.CANCELLED, clock.instant());
        return before;
    }

    /** Ends an invoice outside the payment flow: collected in court (nothing left open) or written off. */
    @Transactional
    public Invoice close(String number, InvoiceStatus closingStatus) {
        Invoice invoice = forUpdate(number);
        if (closingStatus == InvoiceStatus.COLLECTED) {
            invoice.settle(invoice.getOpenAmount(), InvoiceStatus.COLLECTED, clock.instant());
        } else {
            invoice.close(closingStatus, clock.instant());
        }
        return invoice;
    }

    /**
     * The invoice, locked for this transaction and read afresh: payments to one invoice queue up here, and an earlier
     * read in the same transaction cannot hand over stale amounts.
     */
    @Transactional
    public Optional<Invoice> lock(String number) {
        Invoice invoice = entityManager.find(Invoice.class, number);
        if (invoice != null) {
            entityManager.flush(); // an invoice registered in this transaction must be a row before it is read again
            entityManager.refresh(invoice, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(invoice);
    }

    private Invoice forUpdate(String number) {
        return lock(number).orElseThrow(() -> new NotFoundException("invoice", number));
    }

    public record Registration(Invoice invoice, boolean created) {
    }

    /** What a payment left open, what it paid beyond that, and whether it settled the invoice just now. */
    public record Settlement(BigDecimal openAmount, BigDecimal excess, boolean settled) {
    }
}
