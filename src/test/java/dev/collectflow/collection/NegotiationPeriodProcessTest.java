package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.calendar.CalendarProperties;
import dev.collectflow.collection.NegotiationProperties.DayCount;
import dev.collectflow.processtest.ProcessTestCase;
import dev.collectflow.sales.NegotiationClock;
import dev.collectflow.staff.SalesTeams;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The negotiation period in the model counted in calendar days (the regulation's default) or in working days
 * ({@code collectflow.negotiation.count}): the same model, only the configured {@link Deadlines} differ.
 */
class NegotiationPeriodProcessTest extends ProcessTestCase {

    /** The join before the negotiation, whose start listener sets the negotiation's deadline. */
    private static final String START_NEGOTIATION = "Gateway_StartNegotiation";

    private final BusinessCalendar calendar = new BusinessCalendar(new CalendarProperties("de", "be", List.of(),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
            LocalTime.of(10, 0)), BERLIN, ENGINE_CLOCK);
    private final RegulationProperties regulation = new RegulationProperties(Period.ofDays(10), Period.ofMonths(1),
            Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365), Period.ofDays(3));

    @BeforeEach
    void standIns() {
        SalesTeams teams = mock(SalesTeams.class);
        when(teams.headsOf(anyString())).thenReturn(List.of("sam"));
        register("salesTeams", teams);
    }

    private ProcessInstance negotiating(DayCount count) {
        Deadlines deadlines = new Deadlines(ENGINE_CLOCK, BERLIN, regulation, new NegotiationProperties(count), calendar);
        register("deadlines", deadlines);
        register("negotiationClock", new NegotiationClock(deadlines));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(InvoiceCollectionProcess.KEY)
                .businessKey("INV-" + System.nanoTime()).setVariable(CLIENT_ID, "acme").setVariable(SALES_MANAGER, "mia")
                .startBeforeActivity(START_NEGOTIATION)
                .execute();
        assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
        return instance;
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(BERLIN).toInstant());
    }

    @Test
    void calendarDaysCountTheWeekendTooAsTheRegulationSays() {
        ProcessInstance instance = negotiating(DayCount.CALENDAR_DAYS);

        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(TODAY.plusDays(10)));
        assertThat(task(instance).getDueDate()).isEqualTo(endOf(TODAY.plusDays(10)));
    }

    @Test
    void workingDaysLeaveOutWeekendsAndHolidays() {
        // the Thursday before Easter 2027: Good Friday, the weekend and Easter Monday do not count
        at(ZonedDateTime.of(2027, 3, 25, 10, 0, 0, 0, BERLIN).toInstant());
        ProcessInstance instance = negotiating(DayCount.WORKING_DAYS);

        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 4, 12)));

        fireTimer(instance);
        assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED).isWaitingAt(SEND_CLAIM);
    }
}
