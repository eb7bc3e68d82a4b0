package dev.collectflow.kpi;

import dev.collectflow.system.Validity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the KPIs need to know about one invoice, derived from its ledger (amount, payments, adjustments) and its
 * audit trail (when the case reached legal and court). Pure: the same ledger always gives the same facts, and the
 * definitions below are the only place where "paid on time", "paid late" and the stages of money are decided.
 *
 * <ul>
 * <li>Every amount that lowered the open amount is a <b>movement</b>, applied in date order and never beyond what
 * was still open (an overpayment counts up to the open amount).</li>
 * <li><b>Owed</b> = amount − reductions by justified disputes.</li>
 * <li><b>Paid in full on</b> = the first day on which payments (including court collections) reached what is
 * owed; <b>on time</b> when that day is not after the due date, <b>paid late</b> when it is; <b>days late</b> =
 * that day − due date.</li>
 * <li><b>Paid within negotiation</b> = paid late, by the last day of a negotiation period starting on the due date
 * (the due date + N days of {@code collectflow.regulation.negotiation-period}, counted as
 * {@code collectflow.negotiation.count} says: calendar days, or working days of the business calendar) and before
 * the case was handed to legal.</li>
 * <li><b>Stage of a movement</b>: on or before the due date BEFORE_DUE; from the day the case was handed to
 * legal CLAIM; from the day it reached court (claim period passed, lawsuit decided or filed) COURT, and every court
 * collection; otherwise NEGOTIATION.</li>
 * <li><b>Stages of the case</b> in days: NOT_DUE from the issue date to the due date (or closing); NEGOTIATION from
 * the day after the due date (if still open) to legal or closing; CLAIM from legal to court or closing; COURT from
 * court to closing.</li>
 * </ul>
 */
final class InvoiceFacts {

    enum MovementKind { PAYMENT, COURT, REDUCED, WRITTEN_OFF }

    enum Stage { BEFORE_DUE, NEGOTIATION, CLAIM, COURT }

    /** Audit-trail events that mean the case is in court. */
    static final Set<String> COURT_EVENTS = Set.of("CLAIM_PERIOD_PASSED", "LAWSUIT_APPROVED", "LAWSUIT_DECLINED",
            "LAWSUIT_FILED", "COLLECTED_IN_COURT", "COURT_CASE_LOST");
    static final Set<String> LEGAL_EVENTS = Set.of("HANDED_TO_LEGAL");
    static final Set<String> DISPUTE_EVENTS = Set.of("DISPUTE_RAISED");

    record Change(LocalDate on, MovementKind kind, BigDecimal amount) {
    }

    record Event(LocalDate on, String type) {
    }

    /** One invoice's ledger as recorded: closedOn is the day it was closed (null while open). */
    record Ledger(String number, String clientId, String currency, BigDecimal amount, LocalDate issueDate,
                  LocalDate dueDate, String status, boolean closed, LocalDate closedOn, boolean history,
                  boolean disputed, List<Change> changes, List<Event> events) {
    }

    record Movement(int seq, LocalDate on, MovementKind kind, Stage stage, BigDecimal amount) {
    }

    record Facts(Ledger ledger, BigDecimal owed, BigDecimal openAmount, LocalDate closedOn, LocalDate lastMovementOn,
                 BigDecimal paidByDue, LocalDate paidInFullOn, boolean onTime, boolean paidLate,
                 boolean paidWithinNegotiation, Integer daysLate, LocalDate legalOn, LocalDate courtOn,
                 boolean disputed, long notDueFromDay, long notDueToDay, Long negotiationFromDay,
                 Long negotiationToDay, Long claimFromDay, Long claimToDay, Long courtFromDay, Long courtToDay,
                 List<Movement> movements) {
    }

    private InvoiceFacts() {
    }

    /**
     * The facts of one invoice. {@code negotiationLastDay} gives the last day of a negotiation period that starts on
     * a given day, as the regulation counts it (calendar or working days).
     */
    static Facts of(Ledger ledger, UnaryOperator<LocalDate> negotiationLastDay) {
        LocalDate due = ledger.dueDate();
        LocalDate legalOn = first(ledger.events(), LEGAL_EVENTS);
        LocalDate courtOn = first(ledger.events(), COURT_EVENTS);
        boolean disputed = ledger.disputed() || first(ledger.events(), DISPUTE_EVENTS) != null;

        List<Change> changes = new ArrayList<>(ledger.changes());
        changes.sort(Comparator.comparing(Change::on).thenComparing(c -> c.kind().ordinal()));
        BigDecimal recorded = changes.stream().map(Change::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unexplained = ledger.amount().subtract(recorded);
        MovementKind closing = closingKind(ledger.status());
        if (ledger.closed() && closing != null && unexplained.signum() > 0) {
            // closed before its closing was recorded as an adjustment (older data): the rest went that way that day
            LocalDate on = ledger.closedOn() != null ? ledger.closedOn() : due;
            changes.add(new Change(on, closing, unexplained));
        }

        List<Movement> movements = new ArrayList<>();
        BigDecimal remaining = ledger.amount();
        for (Change change : changes) {
            BigDecimal applied = change.amount().min(remaining);
            if (applied.signum() > 0) {
                movements.add(new Movement(movements.size() + 1, change.on(), change.kind(),
                        stage(change, due, legalOn, courtOn), applied));
                remaining = remaining.subtract(applied);
            }
        }
        BigDecimal reduced = sum(movements, MovementKind.REDUCED, null);
        BigDecimal owed = ledger.amount().subtract(reduced);

        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal paidByDue = BigDecimal.ZERO;
        LocalDate paidInFullOn = null;
        for (Movement movement : movements) {
            if (movement.kind() == MovementKind.PAYMENT || movement.kind() == MovementKind.COURT) {
                collected = collected.add(movement.amount());
                if (!movement.on().isAfter(due)) {
                    paidByDue = paidByDue.add(movement.amount());
                }
                if (paidInFullOn == null && owed.signum() > 0 && collected.compareTo(owed) >= 0) {
                    paidInFullOn = movement.on();
                }
            }
        }
        paidByDue = paidByDue.min(owed);
        boolean closed = ledger.closed() || remaining.signum() == 0;
        LocalDate lastMovementOn = movements.stream().map(Movement::on).max(Comparator.naturalOrder())
                .orElse(Validity.SINCE_EVER);
        LocalDate closedOn = !closed ? Validity.STILL
                : !movements.isEmpty() ? lastMovementOn
                : ledger.closedOn() != null ? ledger.closedOn() : due;
        boolean onTime = paidInFullOn != null && !paidInFullOn.isAfter(due);
        boolean paidLate = paidInFullOn != null && paidInFullOn.isAfter(due);
        boolean withinNegotiation = paidLate && !paidInFullOn.isAfter(negotiationLastDay.apply(due))
                && (legalOn == null || paidInFullOn.isBefore(legalOn));
        Integer daysLate = paidLate ? (int) ChronoUnit.DAYS.between(due, paidInFullOn) : null;

        Long closedDay = closed ? closedOn.toEpochDay() : null;
        long notDueFrom = ledger.issueDate().toEpochDay();
        long notDueTo = min(due.plusDays(1).toEpochDay(), closedDay);
        boolean overdue = !closed || closedOn.isAfter(due);
        Long negotiationFrom = overdue ? due.plusDays(1).toEpochDay() : null;
        Long negotiationTo = overdue ? minOrNull(day(legalOn), closedDay) : null;
        Long claimFrom = day(legalOn);
        Long claimTo = legalOn == null ? null : minOrNull(day(courtOn), closedDay);
        Long courtFrom = day(courtOn);
        Long courtTo = courtOn == null ? null : closedDay;

        return new Facts(ledger, owed, remaining, closedOn, lastMovementOn, paidByDue, paidInFullOn, onTime,
                paidLate, withinNegotiation, daysLate, legalOn, courtOn, disputed, notDueFrom, notDueTo,
                negotiationFrom, negotiationTo, claimFrom, claimTo, courtFrom, courtTo, List.copyOf(movements));
    }

    private static Stage stage(Change change, LocalDate due, LocalDate legalOn, LocalDate courtOn) {
        if (change.kind() == MovementKind.COURT) {
            return Stage.COURT;
        }
        if (!change.on().isAfter(due)) {
            return Stage.BEFORE_DUE;
        }
        if (courtOn != null && !change.on().isBefore(courtOn)) {
            return Stage.COURT;
        }
        if (legalOn != null && !change.on().isBefore(legalOn)) {
            return Stage.CLAIM;
        }
        return Stage.NEGOTIATION;
    }

    private static MovementKind closingKind(String status) {
        return switch (status) {
            case "COLLECTED" -> MovementKind.COURT;
            case "WRITTEN_OFF" -> MovementKind.WRITTEN_OFF;
            case "CANCELLED" -> MovementKind.REDUCED;
            default -> null;
        };
    }

    private static LocalDate first(List<Event> events, Set<String> types) {
        return events.stream().filter(e -> types.contains(e.type())).map(Event::on)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static BigDecimal sum(List<Movement> movements, MovementKind kind, Stage stage) {
        return movements.stream().filter(m -> m.kind() == kind && (stage == null || m.stage() == stage))
                .map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Long day(LocalDate date) {
        return date == null ? null : date.toEpochDay();
    }

    private static long min(long a, Long b) {
        return b == null ? a : Math.min(a, b);
    }

    private static Long minOrNull(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
