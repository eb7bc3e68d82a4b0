package dev.collectflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.system.IntakeDates.Window;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IntakeDatesTest {

    /** 23:30 UTC on 11 January 2027 is already 12 January in Berlin. */
    private final IntakeDates dates = new IntakeDates(
            Clock.fixed(Instant.parse("2027-01-11T23:30:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/Berlin"),
            new IntakeProperties(Period.ofYears(5), Period.ofYears(1), LocalDate.of(2000, 1, 1)));

    @Test
    void todayIsTheCompanysDay() {
        assertThat(dates.today()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(dates.invoice(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 12), Window.CURRENT)).isEmpty();
        assertThat(dates.invoice(LocalDate.of(2027, 1, 13), LocalDate.of(2027, 2, 12), Window.CURRENT))
                .containsExactly(new Violation("issueDate", "must not be in the future (today is 2027-01-12)"));
    }

    @Test
    void currentBusinessGoesBackTheLookBack() {
        assertThat(dates.floor(Window.CURRENT)).isEqualTo(LocalDate.of(2022, 1, 12));
        assertThat(dates.invoice(LocalDate.of(2022, 1, 12), LocalDate.of(2022, 2, 12), Window.CURRENT)).isEmpty();
        assertThat(dates.invoice(LocalDate.of(2022, 1, 11), LocalDate.of(2022, 2, 11), Window.CURRENT))
                .extracting(Violation::field).containsExactly("issueDate");
        assertThat(dates.payment(LocalDate.of(2022, 1, 11), Window.CURRENT)).extracting(Violation::field)
                .containsExactly("paidOn");
        assertThat(dates.payment(LocalDate.of(2027, 1, 13), Window.CURRENT)).extracting(Violation::field)
                .containsExactly("paidOn");
    }

    @Test
    void settledHistoryGoesBackToTheHistoryFloor() {
        assertThat(dates.invoice(LocalDate.of(2012, 3, 1), LocalDate.of(2012, 4, 1), Window.HISTORY)).isEmpty();
        assertThat(dates.payment(LocalDate.of(2013, 5, 2), Window.HISTORY)).isEmpty();
        assertThat(dates.invoice(LocalDate.of(2012, 3, 1), LocalDate.of(2012, 4, 1), Window.CURRENT))
                .extracting(Violation::field).containsExactly("issueDate");
        assertThat(dates.invoice(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 31), Window.HISTORY))
                .containsExactly(new Violation("issueDate",
                        "must not be before 2000-01-01 (collectflow.intake.history-floor)"));
        assertThat(dates.payment(LocalDate.of(2027, 1, 13), Window.HISTORY)).extracting(Violation::field)
                .containsExactly("paidOn");
    }

    @Test
    void aDueDateLiesBetweenItsIssueDateAndTheHorizon() {
        LocalDate issued = LocalDate.of(2026, 12, 1);
        assertThat(dates.invoice(issued, issued, Window.CURRENT)).isEmpty();
        assertThat(dates.invoice(issued, LocalDate.of(2027, 12, 1), Window.CURRENT)).isEmpty();
        assertThat(dates.invoice(issued, LocalDate.of(2027, 12, 2), Window.CURRENT)).containsExactly(
                new Violation("dueDate", "must be at most P1Y after issueDate, so not after 2027-12-01"));
        assertThat(dates.invoice(issued, LocalDate.of(2026, 11, 30), Window.CURRENT)).containsExactly(
                new Violation("dueDate", "must not be before issueDate 2026-12-01"));
        assertThat(dates.invoice(null, LocalDate.of(9999, 12, 31), Window.CURRENT)).isEmpty();
    }
}
