package dev.collectflow.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A client's promise to pay what was open ({@code amount}) by a date; graded once. */
@Entity
public class PromiseToPay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String invoiceNumber;
    private LocalDate promisedDate;
    private BigDecimal amount;
    private Instant checkAt;
    private String madeBy;
    private Instant madeAt;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    private BigDecimal paid;
    private Instant gradedAt;

    protected PromiseToPay() {
    }

    PromiseToPay(String invoiceNumber, LocalDate promisedDate, BigDecimal amount, Instant checkAt, String madeBy,
                 Instant madeAt) {
        this.invoiceNumber = invoiceNumber;
        this.promisedDate = promisedDate;
        this.amount = amount;
        this.checkAt = checkAt;
        this.madeBy = madeBy;
        this.madeAt = madeAt;
    }

    void grade(BigDecimal paid, Instant now) {
        this.paid = paid.min(amount);
        this.grade = Grade.of(paid, amount);
        this.gradedAt = now;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public LocalDate getPromisedDate() { return promisedDate; }
    public BigDecimal getAmount() { return amount; }
    public Instant getCheckAt() { return checkAt; }
    public String getMadeBy() { return madeBy; }
    public Instant getMadeAt() { return madeAt; }
    public Grade getGrade() { return grade; }
    public BigDecimal getPaid() { return paid; }
    public Instant getGradedAt() { return gradedAt; }
}
