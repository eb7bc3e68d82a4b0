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

/** One instalment of a payment plan: an amount due on a day, watched until {@code checkAt}; graded once. */
@Entity
public class Instalment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long planId;
    private int instalmentNo;
    private LocalDate dueOn;
    private BigDecimal amount;
    private Instant checkAt;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    private BigDecimal paid;
    private Instant gradedAt;

    protected Instalment() {
    }

    Instalment(Long planId, int instalmentNo, LocalDate dueOn, BigDecimal amount, Instant checkAt) {
        this.planId = planId;
        this.instalmentNo = instalmentNo;
        this.dueOn = dueOn;
        this.amount = amount;
        this.checkAt = checkAt;
    }

    void grade(BigDecimal paid, Instant now) {
        this.paid = paid;
        this.grade = Grade.of(paid, amount);
        this.gradedAt = now;
    }

    public Long getPlanId() { return planId; }
    public int getInstalmentNo() { return instalmentNo; }
    public LocalDate getDueOn() { return dueOn; }
    public BigDecimal getAmount() { return amount; }
    public Instant getCheckAt() { return checkAt; }
    public Grade getGrade() { return grade; }
    public BigDecimal getPaid() { return paid; }
    public Instant getGradedAt() { return gradedAt; }
}
