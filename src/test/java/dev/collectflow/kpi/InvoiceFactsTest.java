package dev.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.calendar.CalendarProperties;
import dev.collectflow.collection.Deadlines;
import dev.collectflow.collection.NegotiationProperties;
import dev.collectflow.collection.NegotiationProperties.DayCount;
import dev.collectflow.collection.RegulationProperties;
import dev.collectflow.kpi.InvoiceFacts.Change;
import dev.collectflow.kpi.InvoiceFacts.Event;
import dev.collectflow.kpi.InvoiceFacts.Facts;
import dev.collectflow.kpi.InvoiceFacts.Ledger;
import dev.collectflow.kpi.InvoiceFacts.MovementKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Paid within negotiation" counts the negotiation period as the regulation is configured: ten calendar days after
 * the due date, or ten working days of the business calendar (German public holidays, Berlin).
 */
class InvoiceFactsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday before Easter week 2027: Good Friday (26 March) and Easter Monday (29 March) are public holidays. */
    private static final LocalDate DUE = LocalDate.of(2027, 3, 18);

    private static Deadlines deadlines(DayCount count) {
        Clock clock = Clock.fixed(LocalDate.of(2027, 6, 1).atTime(10, 0).atZone(BERLIN).toInstant(), BERLIN);
        BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("de", "be", List.of(),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
                LocalTime.of(10, 0)), BERLIN, clock);
        return new Deadlines(clock, BERLIN, new RegulationProperties(Period.ofDays(10), Period.ofMonths(1),
                Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365), Period.ofDays(3)),
                new NegotiationProperties(count), calendar);
    }

    /** An invoice of 1,000.00 due on {@link #DUE}, paid in full on the given day, with these audit milestones. */
    private static Ledger paidOn(LocalDate day, Event... events) {
        return new Ledger("INV-" + day, "acme", "EUR", new BigDecimal("1000.00"), DUE.minusDays(30), DUE, "PAID",
                true, day, false, false, List.of(new Change(day, MovementKind.PAYMENT, new BigDecimal("1000.00"))),
                List.of(events));
    }

    private static boolean withinNegotiation(Ledger ledger, DayCount count) {
        return InvoiceFacts.of(ledger, deadlines(count)::negotiationLastDay).paidWithinNegotiation();
    }

    @Test
    void inCalendarDaysTheNegotiationEndsTenDaysAfterTheDueDateOverTheWeekend() {
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 3, 28)), DayCount.CALENDAR_DAYS))
                .as("Sunday the 28th, the tenth day").isTrue();
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 3, 29)), DayCount.CALENDAR_DAYS))
                .as("Easter Monday, the eleventh day").isFalse();
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 4, 5)), DayCount.CALENDAR_DAYS)).isFalse();
    }

    @Test
    void inWorkingDaysWeekendsAndEasterDoNotCount() {
        // 19, 22, 23, 24, 25, 30, 31 March, 1, 2, 5 April: the tenth working day after the due date is Monday 5 April
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 3, 29)), DayCount.WORKING_DAYS)).isTrue();
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 4, 5)), DayCount.WORKING_DAYS)).isTrue();
        assertThat(withinNegotiation(paidOn(LocalDate.of(2027, 4, 6)), DayCount.WORKING_DAYS)).isFalse();
    }

    @Test
    void paidOnTimeOrAfterTheCaseWentToLegalIsNotPaidWithinNegotiation() {
        Facts onTime = InvoiceFacts.of(paidOn(DUE), deadlines(DayCount.WORKING_DAYS)::negotiationLastDay);
        assertThat(onTime.onTime()).isTrue();
        assertThat(onTime.paidWithinNegotiation()).isFalse();

        Ledger afterLegal = paidOn(LocalDate.of(2027, 4, 1), new Event(LocalDate.of(2027, 3, 31), "HANDED_TO_LEGAL"));
        assertThat(withinNegotiation(afterLegal, DayCount.WORKING_DAYS)).isFalse();
        Ledger beforeLegal = paidOn(LocalDate.of(2027, 4, 1), new Event(LocalDate.of(2027, 4, 2), "HANDED_TO_LEGAL"));
        assertThat(withinNegotiation(beforeLegal, DayCount.WORKING_DAYS)).isTrue();
    }
}
