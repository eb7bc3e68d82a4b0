package dev.collectflow.commitment;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceRepository;
import dev.collectflow.invoice.OpenAmountChanged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises to pay and payment plans, and how they were kept. What a client paid towards a commitment is what the
 * open amount fell by since it was made (nothing else lowers it while the case waits for a promise or a plan);
 * towards a plan's instalments it is applied in their order, so a payment larger than one instalment counts for
 * the next ones. A commitment is graded once: when it is paid in full (kept), or when its time has passed
 * (kept, partly kept or broken by what was paid until then).
 */
@Service
public class Commitments {

    private final PromiseToPayRepository promises;
    private final PaymentPlanRepository plans;
    private final InstalmentRepository instalments;
    private final InvoiceRepository invoices;
    private final AuditTrail audit;
    private final Clock clock;

    public Commitments(PromiseToPayRepository promises, PaymentPlanRepository plans, InstalmentRepository instalments,
                       InvoiceRepository invoices, AuditTrail audit, Clock clock) {
        this.promises = promises;
        this.plans = plans;
        this.instalments = instalments;
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a promise to pay what is open now by the promised date. */
    @Transactional
    public void recordPromise(String invoiceNumber, LocalDate promisedDate, Instant checkAt, String actor) {
        promises.save(new PromiseToPay(invoiceNumber, promisedDate, openAmount(invoiceNumber), checkAt, actor,
                clock.instant()));
    }

    /** Records a payment plan; its instalments must add up to what is open now (the caller checked it). */
    @Transactional
    public PaymentPlan recordPlan(String invoiceNumber, List<PlannedInstalment> planned, String actor) {
        BigDecimal total = planned.stream().map(PlannedInstalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal open = openAmount(invoiceNumber);
        if (total.compareTo(open) != 0) {
            throw new IllegalArgumentException("Instalments of " + total + " do not add up to the open " + open);
        }
        PaymentPlan plan = plans.save(new PaymentPlan(invoiceNumber, total, actor, clock.instant()));
        for (int i = 0; i < planned.size(); i++) {
            PlannedInstalment p = planned.get(i);
            instalments.save(new Instalment(plan.getId(), i + 1, p.dueOn(), p.amount(), p.checkAt()));
        }
        return plan;
    }

    /** The promised date and tolerance have passed: grades the open promise by what was paid; answers the grade. */
    @Transactional
    public Grade gradePromise(String invoiceNumber) {
        PromiseToPay promise = openPromise(invoiceNumber)
                .orElseThrow(() -> new IllegalStateException("No promise to grade for " + invoiceNumber));
        grade(promise, paidSince(promise.getAmount(), invoiceNumber));
        return promise.getGrade();
    }

    /**
     * Grades every instalment whose time has passed and that is not graded yet; answers whether all of them were
     * kept (the plan goes on) or not (the plan is broken).
     */
    @Transactional
    public boolean gradeDueInstalments(String invoiceNumber) {
        Instant now = clock.instant();
        boolean kept = true;
        for (Covered covered : coverage(invoiceNumber)) {
            Instalment instalment = covered.instalment();
            if (instalment.getGrade() == null && !instalment.getCheckAt().isAfter(now)) {
                grade(invoiceNumber, instalment, covered.paid());
            }
            if (instalment.getGrade() != null && instalment.getGrade() != Grade.KEPT) {
                kept = false;
            }
        }
        return kept;
    }

    /** When the next instalment not yet graded counts as missed; empty when none is left. */
    @Transactional(readOnly = true)
    public Optional<Instant> nextInstalmentCheck(String invoiceNumber) {
        return currentInstalments(invoiceNumber).stream().filter(i -> i.getGrade() == null)
                .map(Instalment::getCheckAt).findFirst();
    }

    /**
     * A payment (or anything else) lowered the open amount: commitments it paid in full count as kept now, before
     * open tasks show the case's new figures.
     */
    @EventListener
    @Order(0)
    @Transactional
    public void on(OpenAmountChanged change) {
        String invoiceNumber = change.invoiceNumber();
        openPromise(invoiceNumber).ifPresent(promise -> {
            BigDecimal paid = paidSince(promise.getAmount(), invoiceNumber);
            if (paid.compareTo(promise.getAmount()) >= 0) {
                grade(promise, paid);
            }
        });
        for (Covered covered : coverage(invoiceNumber)) {
            if (covered.instalment().getGrade() == null
                    && covered.paid().compareTo(covered.instalment().getAmount()) >= 0) {
                grade(invoiceNumber, covered.instalment(), covered.paid());
            }
        }
    }

    @Transactional(readOnly = true)
    public List<PromiseView> promisesOf(String invoiceNumber) {
        return promises.findByInvoiceNumberOrderByMadeAtAscIdAsc(invoiceNumber).stream()
                .map(p -> new PromiseView(p.getPromisedDate(), p.getAmount(), p.getMadeBy(), p.getGrade(), p.getPaid()))
                .toList();
    }

    /** The case's payment plan with what is paid of each instalment so far; empty when it has none. */
    @Transactional(readOnly = true)
    public Optional<PaymentPlanView> planOf(String invoiceNumber) {
        return plans.findFirstByInvoiceNumberOrderByAgreedAtDescIdDesc(invoiceNumber).map(plan -> {
            List<PaymentPlanView.Line> lines = coverage(invoiceNumber).stream()
                    .map(c -> new PaymentPlanView.Line(c.instalment().getInstalmentNo(), c.instalment().getDueOn(),
                            c.instalment().getAmount(),
                            c.instalment().getGrade() != null ? c.instalment().getPaid() : c.paid(),
                            c.instalment().getGrade()))
                    .toList();
            return new PaymentPlanView(plan.getTotal(), plan.getAgreedBy(), plan.getAgreedAt(), lines);
        });
    }

    private Optional<PromiseToPay> openPromise(String invoiceNumber) {
        return promises.findByInvoiceNumberOrderByMadeAtAscIdAsc(invoiceNumber).stream()
                .filter(p -> p.getGrade() == null).reduce((a, b) -> b);
    }

    private List<Instalment> currentInstalments(String invoiceNumber) {
        return plans.findFirstByInvoiceNumberOrderByAgreedAtDescIdDesc(invoiceNumber)
                .map(plan -> instalments.findByPlanIdOrderByInstalmentNo(plan.getId()))
                .orElse(List.of());
    }

    /** The current plan's instalments, each with the part of the payments since the plan that falls to it. */
    private List<Covered> coverage(String invoiceNumber) {
        Optional<PaymentPlan> plan = plans.findFirstByInvoiceNumberOrderByAgreedAtDescIdDesc(invoiceNumber);
        if (plan.isEmpty()) {
            return List.of();
        }
        BigDecimal left = paidSince(plan.get().getTotal(), invoiceNumber);
        List<Covered> covered = new ArrayList<>();
        for (Instalment instalment : instalments.findByPlanIdOrderByInstalmentNo(plan.get().getId())) {
            BigDecimal share = left.min(instalment.getAmount());
            covered.add(new Covered(instalment, share));
            left = left.subtract(share);
        }
        return covered;
    }

    private record Covered(Instalment instalment, BigDecimal paid) {
    }

    /** What the open amount fell by since it was {@code openThen}. */
    private BigDecimal paidSince(BigDecimal openThen, String invoiceNumber) {
        return openThen.subtract(openAmount(invoiceNumber)).max(BigDecimal.ZERO);
    }

    private BigDecimal openAmount(String invoiceNumber) {
        return invoices.findById(invoiceNumber).map(Invoice::getOpenAmount)
                .orElseThrow(() -> new IllegalStateException("No invoice " + invoiceNumber));
    }

    private void grade(PromiseToPay promise, BigDecimal paid) {
        promise.grade(paid, clock.instant());
        CaseEventType type = switch (promise.getGrade()) {
            case KEPT -> CaseEventType.PROMISE_KEPT;
            case PARTLY_KEPT -> CaseEventType.PROMISE_PARTLY_KEPT;
            case BROKEN -> CaseEventType.PROMISE_BROKEN;
        };
        audit.record(promise.getInvoiceNumber(), type, AuditTrail.SYSTEM, "Promise to pay " + promise.getAmount()
                + " by " + promise.getPromisedDate() + ": " + promise.getPaid() + " paid");
    }

    private void grade(String invoiceNumber, Instalment instalment, BigDecimal paid) {
        instalment.grade(paid, clock.instant());
        CaseEventType type = switch (instalment.getGrade()) {
            case KEPT -> CaseEventType.INSTALMENT_KEPT;
            case PARTLY_KEPT -> CaseEventType.INSTALMENT_PARTLY_KEPT;
            case BROKEN -> CaseEventType.INSTALMENT_BROKEN;
        };
        audit.record(invoiceNumber, type, AuditTrail.SYSTEM, "Instalment " + instalment.getInstalmentNo() + " of "
                + instalment.getAmount() + " due " + instalment.getDueOn() + ": " + paid + " paid");
    }
}
