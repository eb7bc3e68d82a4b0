package dev.collectflow.legal;

import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.TaskInput;
import java.time.LocalDate;

/** Dates a lawyer reports for a step done outside the system: not in the future, not before the case reached the step. */
final class LegalDates {

    private LegalDates() {
    }

    static LocalDate requiredDayOfStep(TaskInput input, String field, Deadlines deadlines) {
        LocalDate date = input.requiredDate(field, deadlines.zone());
        if (date == null) {
            return null;
        }
        LocalDate reached = input.created().toInstant().atZone(deadlines.zone()).toLocalDate();
        if (date.isAfter(deadlines.today())) {
            input.reject(field, "must not be in the future");
        } else if (date.isBefore(reached)) {
            input.reject(field, "must not be before the case reached this step (" + reached + ")");
        }
        return date;
    }
}
