package dev.collectflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate CLOSED_FOR_INVENTORY = LocalDate.of(2027, 1, 14);

    private static BusinessCalendar calendar(String region) {
        return new BusinessCalendar(new CalendarProperties("de", region, List.of(CLOSED_FOR_INVENTORY),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                LocalTime.of(10, 0)), BERLIN, Clock.fixed(Instant.parse("2027-01-11T09:00:00Z"), BERLIN));
    }

    @Test
    void weekendsPublicHolidaysAndClosingDaysAreNoWorkingDays() {
        BusinessCalendar calendar = calendar("");
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 11))).as("a Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 16))).as("a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 17))).as("a Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("New Year").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 26))).as("Good Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 29))).as("Easter Monday").isFalse();
        assertThat(calendar.isWorkingDay(CLOSED_FOR_INVENTORY)).as("the company's closing day").isFalse();
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void aRegionAddsItsOwnHolidays() {
        LocalDate womensDay = LocalDate.of(2027, 3, 8); // a Monday, a public holiday in Berlin only
        assertThat(calendar("").isWorkingDay(womensDay)).isTrue();
        assertThat(calendar("be").isWorkingDay(womensDay)).isFalse();
    }

    @Test
    void workingDaysAreCountedForwardAndBackOverWeekendsAndHolidays() {
        BusinessCalendar calendar = calendar("be");
        LocalDate friday = LocalDate.of(2027, 1, 15);
        assertThat(calendar.workingDaysFrom(friday, 1)).isEqualTo(LocalDate.of(2027, 1, 18));
        assertThat(calendar.workingDaysFrom(friday, 3)).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(calendar.workingDaysFrom(friday, -3)).as("over the closing day").isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(calendar.workingDaysFrom(LocalDate.of(2027, 3, 25), 1)).as("over Easter")
                .isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(calendar.workingDaysFrom(LocalDate.of(2027, 1, 16), 0)).as("a Saturday's day zero is Monday")
                .isEqualTo(LocalDate.of(2027, 1, 18));
        assertThat(calendar.workingDaysFrom(friday, 0)).isEqualTo(friday);
    }

    @Test
    void workingDaysBetweenTwoDaysAreSignedAndAgreeWithCounting() {
        BusinessCalendar calendar = calendar("be");
        LocalDate due = LocalDate.of(2027, 3, 24);
        for (int offset = -8; offset <= 8; offset++) {
            assertThat(calendar.workingDaysBetween(due, calendar.workingDaysFrom(due, offset))).as("offset " + offset)
                    .isEqualTo(offset);
        }
        assertThat(calendar.workingDaysBetween(due, LocalDate.of(2027, 3, 28))).as("to Easter Sunday").isEqualTo(1);
    }

    @Test
    void callTimesMustLieWithinWorkingHours() {
        BusinessCalendar calendar = calendar("");
        assertThat(calendar.isWithinWorkingHours(LocalTime.of(8, 0))).isTrue();
        assertThat(calendar.isWithinWorkingHours(LocalTime.of(17, 59))).isTrue();
        assertThat(calendar.isWithinWorkingHours(LocalTime.of(18, 0))).isFalse();
        assertThat(calendar.isWithinWorkingHours(LocalTime.of(7, 30))).isFalse();
    }
}
