package dev.collectflow.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that says which invoice and payment dates are plausible, in the company's time zone
 * ({@code collectflow.time-zone}) and by the application's clock:
 * <ul>
 *   <li>an issue date is not in the future and not before the window's floor;</li>
 *   <li>a due date is not before its issue date and at most {@code collectflow.intake.due-horizon} after it;</li>
 *   <li>a payment date is not in the future and not before the window's floor.</li>
 * </ul>
 * The floor is {@code collectflow.intake.look-back} before today for business registered now
 * ({@link Window#CURRENT}), and {@code collectflow.intake.history-floor} for settled history imported from a ledger
 * ({@link Window#HISTORY}). Answers the violations naming the fields {@code issueDate}, {@code dueDate} and
 * {@code paidOn}; an empty list when the dates are plausible. Missing dates are not checked here.
 */
@Component
public class IntakeDates {

    public static final String ISSUE_DATE = "issueDate";
    public static final String DUE_DATE = "dueDate";
    public static final String PAID_ON = "paidOn";

    /** Which dates are plausible depends on what is being registered. */
    public enum Window {
        /** Invoices and payments of business going on now (the API). */
        CURRENT,
        /** Settled history, imported for the figures; it may go back to the history floor. */
        HISTORY
    }

    private final Clock clock;
    private final ZoneId zone;
    private final IntakeProperties windows;

    public IntakeDates(Clock clock, @Value("${collectflow.time-zone}") ZoneId zone, IntakeProperties windows) {
        this.clock = clock;
        this.zone = zone;
        this.windows = windows;
    }

    public List<Violation> invoice(LocalDate issueDate, LocalDate dueDate, Window window) {
        List<Violation> violations = new ArrayList<>();
        if (issueDate != null) {
            pastDate(ISSUE_DATE, issueDate, window, violations);
            if (dueDate != null) {
                LocalDate latestDue = issueDate.plus(windows.dueHorizon());
                if (dueDate.isBefore(issueDate)) {
                    violations.add(new Violation(DUE_DATE, "must not be before issueDate " + issueDate));
                } else if (dueDate.isAfter(latestDue)) {
                    violations.add(new Violation(DUE_DATE, "must be at most " + windows.dueHorizon()
                            + " after issueDate, so not after " + latestDue));
                }
            }
        }
        return violations;
    }

    public List<Violation> payment(LocalDate paidOn, Window window) {
        List<Violation> violations = new ArrayList<>();
        if (paidOn != null) {
            pastDate(PAID_ON, paidOn, window, violations);
        }
        return violations;
    }

    /** Today in the company's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The earliest issue or payment date the window accepts. */
    public LocalDate floor(Window window) {
        return window == Window.HISTORY ? windows.historyFloor() : today().minus(windows.lookBack());
    }

    private void pastDate(String field, LocalDate date, Window window, List<Violation> violations) {
        LocalDate today = today();
        LocalDate floor = floor(window);
        if (date.isAfter(today)) {
            violations.add(new Violation(field, "must not be in the future (today is " + today + ")"));
        } else if (date.isBefore(floor)) {
            violations.add(new Violation(field, "must not be before " + floor + (window == Window.HISTORY
                    ? " (collectflow.intake.history-floor)"
                    : " (" + windows.lookBack() + " back, collectflow.intake.look-back)")));
        }
    }
}
