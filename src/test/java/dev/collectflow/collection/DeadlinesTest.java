package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.calendar.CalendarProperties;
import dev.collectflow.collection.NegotiationProperties.DayCount;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The negotiation period counted as the regulation says (calendar days) or, where configured, in working days. */
class DeadlinesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final RegulationProperties REGULATION = new RegulationProperties(Period.ofDays(10), Period.ofMonths(1),
            Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365), Period.ofDays(3));

    private static Deadlines deadlines(LocalDate today, DayCount count) {
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(BERLIN).toInstant(), BERLIN);
        BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("de", "be", List.of(),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                LocalTime.of(10, 0)), BERLIN, clock);
        return new Deadlines(clock, BERLIN, REGULATION, new NegotiationProperties(count), calendar);
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(BERLIN).toInstant());
    }

    @Test
    void byDefaultTenCalendarDaysIncludeWeekends() {
        // Monday 2027-01-11: ten days later is Thursday the 21st
        assertThat(deadlines(LocalDate.of(2027, 1, 11), DayCount.CALENDAR_DAYS).negotiationDeadline())
                .isEqualTo(endOf(LocalDate.of(2027, 1, 21)));
        assertThat(new Deadlines(Clock.fixed(LocalDate.of(2027, 1, 11).atTime(10, 0).atZone(BERLIN).toInstant(), BERLIN),
                BERLIN, REGULATION).negotiationDeadline()).as("without a business calendar")
                .isEqualTo(endOf(LocalDate.of(2027, 1, 21)));
    }

    @Test
    void tenWorkingDaysSkipWeekends() {
        // Monday 2027-01-11: the tenth working day after it is Monday the 25th
        assertThat(deadlines(LocalDate.of(2027, 1, 11), DayCount.WORKING_DAYS).negotiationDeadline())
                .isEqualTo(endOf(LocalDate.of(2027, 1, 25)));
    }

    @Test
    void overEasterCalendarDaysEndOnASundayAndWorkingDaysSkipTheHolidays() {
        // Thursday before Easter 2027: Good Friday and Easter Monday are public holidays in Germany
        LocalDate thursday = LocalDate.of(2027, 3, 25);
        assertThat(deadlines(thursday, DayCount.CALENDAR_DAYS).negotiationDeadline())
                .isEqualTo(endOf(LocalDate.of(2027, 4, 4)));
        assertThat(deadlines(thursday, DayCount.WORKING_DAYS).negotiationDeadline())
                .isEqualTo(endOf(LocalDate.of(2027, 4, 12)));
    }

    @Test
    void workingDaysNeedTheBusinessCalendar() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new Deadlines(clock, BERLIN, REGULATION, new NegotiationProperties(DayCount.WORKING_DAYS),
                null)).hasMessageContaining("business calendar");
    }
}
