package dev.collectflow.invoice;

import dev.collectflow.client.ClientRepository;
import dev.collectflow.system.ConflictException;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ledger side of invoices: registration and every change of the open amount. */
@Service
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final EntityManager entityManager;
    private final ClientRepository clients;
    private final InvoiceAdjustmentRepository adjustments;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    public InvoiceService(InvoiceRepository invoices, EntityManager entityManager, ClientRepository clients,
                          InvoiceAdjustmentRepository adjustments, NamedParameterJdbcTemplate jdbc,
                          ApplicationEventPublisher events, Clock clock, @Value("${collectflow.time-zone}") ZoneId zone) {
        this.invoices = invoices;
        this.entityManager = entityManager;
        this.clients = clients;
        this.adjustments = adjustments;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** Registers an invoice once: the same facts again are accepted without change, other facts under the number conflict. */
    @Transactional
    public Registration register(InvoiceData data) {
        Optional<Invoice> existing = invoices.findById(data.number());
        if (existing.isPresent()) {
            return alreadyRegistered(existing.get(), data);
        }
        requireRegistrable(data);
        Invoice invoice = invoices.save(new Invoice(data, clock.instant()));
        events.publishEvent(new InvoiceChanged(data.number(), true));
        return new Registration(invoice, true);
    }

    /**
     * Registers an invoice that was settled before it reached CollectFlow as closed history (no case runs for it):
     * paid with the settled amount on the settlement day, the rest written off that day. Once only, like
     * {@link #register}.
     */
    @Transactional
    public Registration registerHistory(InvoiceData data, HistorySettlement settlement) {
        boolean created = registerHistory(List.of(new HistoryInvoice(data, settlement))) == 1;
        return new Registration(get(data.number()), created);
    }

    /**
     * Registers many history invoices at once (a ledger import), set-based: all or none. The same invoice again is
     * skipped; answers how many were new. Refuses the whole list for the first invoice that breaks a rule.
     */
    @Transactional
    public int registerHistory(List<HistoryInvoice> batch) {
        Map<String, Invoice> existing = new HashMap<>();
        invoices.findAllById(batch.stream().map(h -> h.invoice().number()).toList())
                .forEach(invoice -> existing.put(invoice.getNumber(), invoice));
        Set<String> knownClients = new HashSet<>();
        clients.findAllById(batch.stream().map(h -> h.invoice().clientId()).distinct().toList())
                .forEach(client -> knownClients.add(client.getId()));
        Map<String, InvoiceData> fresh = new LinkedHashMap<>();
        List<HistoryInvoice> toInsert = new ArrayList<>();
        for (HistoryInvoice history : batch) {
            InvoiceData data = history.invoice();
            InvoiceData earlier = existing.containsKey(data.number()) ? existing.get(data.number()).data()
                    : fresh.get(data.number());
            if (earlier != null) {
                if (!earlier.sameAs(data)) {
                    throw new ConflictException("number", "invoice " + data.number() + " is already registered with other data");
                }
                continue;
            }
            if (!knownClients.contains(data.clientId())) {
                throw new InvalidInputException("clientId", "client " + data.clientId() + " does not exist");
            }
            requireHistory(data, history.settlement());
            fresh.put(data.number(), data);
            toInsert.add(history);
        }
        Instant now = clock.instant();
        jdbc.batchUpdate("insert into invoice (number, client_id, amount, currency, issue_date, due_date, open_amount,"
                + " status, registered_at, closed_at, version, history, disputed) values (:number, :client, :amount,"
                + " :currency, :issueDate, :dueDate, 0, :status, :registeredAt, :closedAt, 0, true, :disputed)",
                toInsert.stream().map(h -> new MapSqlParameterSource()
                        .addValue("number", h.invoice().number())
                        .addValue("client", h.invoice().clientId())
                        .addValue("amount", h.invoice().amount())
                        .addValue("currency", h.invoice().currency())
                        .addValue("issueDate", java.sql.Date.valueOf(h.invoice().issueDate()))
                        .addValue("dueDate", java.sql.Date.valueOf(h.invoice().dueDate()))
                        .addValue("status", (h.settlement().settledAmount().compareTo(h.invoice().amount()) >= 0
                                ? InvoiceStatus.PAID : InvoiceStatus.WRITTEN_OFF).name())
                        .addValue("registeredAt", java.sql.Timestamp.from(now))
                        .addValue("closedAt", java.sql.Timestamp.from(h.settlement().settledOn().atStartOfDay(zone).toInstant()))
                        .addValue("disputed", h.settlement().disputed()))
                        .toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> adjustmentRows = new ArrayList<>();
        for (HistoryInvoice h : toInsert) {
            BigDecimal settled = h.settlement().settledAmount();
            BigDecimal rest = h.invoice().amount().subtract(settled);
            if (settled.signum() > 0) {
                adjustmentRows.add(adjustmentRow(h, AdjustmentKind.SETTLED_BEFORE_IMPORT, settled, now));
            }
            if (rest.signum() > 0) {
                adjustmentRows.add(adjustmentRow(h, AdjustmentKind.WRITTEN_OFF, rest, now));
            }
        }
        jdbc.batchUpdate("insert into invoice_adjustment (invoice_number, kind, amount, on_date, recorded_at)"
                + " values (:number, :kind, :amount, :onDate, :recordedAt)",
                adjustmentRows.toArray(SqlParameterSource[]::new));
        toInsert.forEach(h -> events.publishEvent(new InvoiceChanged(h.invoice().number(), true)));
        return toInsert.size();
    }

    private void requireHistory(InvoiceData data, HistorySettlement settlement) {
        if (data.dueDate().isBefore(data.issueDate())) {
            throw new InvalidInputException("dueDate", "must not be before issueDate");
        }
        if (settlement.settledOn().isBefore(data.issueDate())) {
            throw new InvalidInputException("settledDate", "must not be before issueDate");
        }
        if (settlement.settledOn().isAfter(today())) {
            throw new InvalidInputException("settledDate", "must not be in the future");
        }
        if (settlement.settledAmount().signum() < 0 || settlement.settledAmount().compareTo(data.amount()) > 0) {
            throw new InvalidInputException("settledAmount", "must be between 0 and the amount " + data.amount());
        }
    }

    private static SqlParameterSource adjustmentRow(HistoryInvoice h, AdjustmentKind kind, BigDecimal amount,
                                                    Instant now) {
        return new MapSqlParameterSource()
                .addValue("number", h.invoice().number())
                .addValue("kind", kind.name())
                .addValue("amount", amount)
                .addValue("onDate", java.sql.Date.valueOf(h.settlement().settledOn()))
                .addValue("recordedAt", java.sql.Timestamp.from(now));
    }

    private Registration alreadyRegistered(Invoice existing, InvoiceData data) {
        if (existing.data().sameAs(data)) {
            return new Registration(existing, false);
        }
        throw new ConflictException("number", "invoice " + data.number() + " is already registered with other data");
    }

    private void requireRegistrable(InvoiceData data) {
        if (!clients.existsById(data.clientId())) {
            throw new InvalidInputException("clientId", "client " + data.clientId() + " does not exist");
        }
        if (data.dueDate().isBefore(data.issueDate())) {
            throw new InvalidInputException("dueDate", "must not be before issueDate");
        }
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
        events.publishEvent(new OpenAmountChanged(number));
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
        invoice.reductionRefusal(amountOwed).ifPresent(refusal -> {
            throw new InvalidInputException("amountOwed", refusal);
        });
        invoice.settle(invoice.getOpenAmount().subtract(amountOwed), InvoiceStatus.CANCELLED, clock.instant());
        adjust(invoice, AdjustmentKind.REDUCED, before.subtract(amountOwed), today());
        events.publishEvent(new OpenAmountChanged(number));
        return before;
    }

    /**
     * The court's enforcement collected what was open: books that amount (the caller records it as a payment) and
     * closes the invoice as collected; answers the amount collected, zero if nothing was open.
     */
    @Transactional
    public BigDecimal collectInCourt(String number) {
        Invoice invoice = forUpdate(number);
        if (invoice.getStatus().isClosed()) {
            return BigDecimal.ZERO;
        }
        BigDecimal collected = invoice.getOpenAmount();
        invoice.settle(collected, InvoiceStatus.COLLECTED, clock.instant());
        events.publishEvent(new OpenAmountChanged(number));
        return collected;
    }

    /** Writes off what is open: the invoice is closed, the amount stays visible as what was lost. */
    @Transactional
    public Invoice writeOff(String number) {
        Invoice invoice = forUpdate(number);
        invoice.close(InvoiceStatus.WRITTEN_OFF, clock.instant());
        adjust(invoice, AdjustmentKind.WRITTEN_OFF, invoice.getOpenAmount(), today());
        return invoice;
    }

    /** The case went to legal: a fact that lets lawyers read it. */
    @Transactional
    public void markHandedToLegal(String number) {
        forUpdate(number).markHandedToLegal(clock.instant());
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

    /** The invoice locked for a change; the figures derived from it are brought up to date before commit. */
    private Invoice forUpdate(String number) {
        Invoice invoice = lock(number).orElseThrow(() -> new NotFoundException("invoice", number));
        events.publishEvent(new InvoiceChanged(number));
        return invoice;
    }

    private void adjust(Invoice invoice, AdjustmentKind kind, BigDecimal amount, LocalDate onDate) {
        if (amount.signum() > 0) {
            adjustments.save(new InvoiceAdjustment(invoice.getNumber(), kind, amount, onDate, clock.instant()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public record Registration(Invoice invoice, boolean created) {
    }

    /** What a payment left open, what it paid beyond that, and whether it settled the invoice just now. */
    public record Settlement(BigDecimal openAmount, BigDecimal excess, boolean settled) {
    }
}
