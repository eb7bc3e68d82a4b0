package dev.collectflow.ledger;

import java.time.LocalDate;

/**
 * The dates an imported invoice may carry. One method, so the import follows the application's intake date rules
 * in one place: history may reach far back; no date may be so far out that it stops being a calendar date the
 * figures can compare (the KPI history uses 1900-01-01 and 9999-12-31 as "since ever" and "still so").
 */
final class IntakeDates {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 2);
    static final LocalDate LATEST = LocalDate.of(9998, 12, 31);

    private IntakeDates() {
    }

    /** What is wrong with the invoice's dates (field and reason), or null. */
    static String problem(LocalDate issueDate, LocalDate dueDate, LocalDate settledDate, LocalDate today) {
        for (var date : new Object[][] {{"issueDate", issueDate}, {"dueDate", dueDate}, {"settledDate", settledDate}}) {
            LocalDate day = (LocalDate) date[1];
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                return date[0] + " " + day + " lies outside " + EARLIEST + " to " + LATEST;
            }
        }
        if (dueDate.isBefore(issueDate)) {
            return "dueDate " + dueDate + " is before issueDate " + issueDate;
        }
        if (settledDate != null && settledDate.isBefore(issueDate)) {
            return "settledDate " + settledDate + " is before issueDate " + issueDate;
        }
        if (settledDate != null && settledDate.isAfter(today)) {
            return "settledDate " + settledDate + " is in the future";
        }
        return null;
    }
}
