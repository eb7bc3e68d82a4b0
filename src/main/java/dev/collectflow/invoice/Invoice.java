package dev.collectflow.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** An invoice of the ledger; the number is also the business key of its collection case. */
@Entity
public class Invoice {

    /** Decimals the ledger keeps of an amount: a new invoice holds what it will read back after the commit. */
    private static final int LEDGER_SCALE = 2;

    @Id
    private String number;
    private String clientId;
    private BigDecimal amount;
    private String currency;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private BigDecimal openAmount;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private Instant registeredAt;
    private Instant closedAt;
    /** When the case was handed to legal; null while it is not. */
    private Instant handedToLegalAt;
    /** Imported as closed history: settled before it reached CollectFlow, no case ran for it. */
    private boolean history;
    private boolean disputed;
    @Version
    private long version;

    protected Invoice() {
    }

    public Invoice(InvoiceData data, Instant now) {
        this.number = data.number();
        this.clientId = data.clientId();
        this.amount = data.amount().setScale(LEDGER_SCALE, RoundingMode.HALF_UP);
        this.currency = data.currency();
        this.issueDate = data.issueDate();
        this.dueDate = data.dueDate();
        this.openAmount = this.amount;
        this.status = InvoiceStatus.OPEN;
        this.registeredAt = now;
    }

    public InvoiceData data() {
        return new InvoiceData(number, clientId, amount, currency, issueDate, dueDate);
    }

    /** Lowers the open amount; returns the part of the payment that exceeded it (zero if none). */
    BigDecimal settle(BigDecimal paid, InvoiceStatus statusWhenNothingLeft, Instant now) {
        BigDecimal excess = paid.subtract(openAmount).max(BigDecimal.ZERO);
        openAmount = openAmount.subtract(paid).max(BigDecimal.ZERO);
        if (openAmount.signum() == 0 && !status.isClosed()) {
            close(statusWhenNothingLeft, now);
        }
        return excess;
    }

    /**
     * Why a justified dispute cannot leave the client owing {@code amountOwed}, or empty when it can: the rule is that
     * the amount owed is at least 0 and less than what is open (0 cancels the invoice).
     */
    public Optional<String> reductionRefusal(BigDecimal amountOwed) {
        if (amountOwed.signum() < 0 || amountOwed.compareTo(openAmount) >= 0) {
            return Optional.of("must be at least 0 and less than the open amount " + openAmount
                    + " (a justified dispute reduces it; 0 cancels the invoice)");
        }
        return Optional.empty();
    }

    void markHandedToLegal(Instant now) {
        if (handedToLegalAt == null) {
            handedToLegalAt = now;
        }
    }

    void markOverdue() {
        if (status == InvoiceStatus.OPEN) {
            status = InvoiceStatus.OVERDUE;
        }
    }

    void close(InvoiceStatus closingStatus, Instant now) {
        status = closingStatus;
        closedAt = now;
    }

    public String getNumber() { return number; }
    public String getClientId() { return clientId; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getOpenAmount() { return openAmount; }
    public InvoiceStatus getStatus() { return status; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getHandedToLegalAt() { return handedToLegalAt; }
    public boolean isHistory() { return history; }
    public boolean isDisputed() { return disputed; }
}
