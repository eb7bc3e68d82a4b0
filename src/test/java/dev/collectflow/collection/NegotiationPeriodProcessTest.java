package dev.collectflow.collection;

import static dev.collectflow.collection.InvoiceCollectionProcess.Activities.*;
import static dev.collectflow.collection.InvoiceCollectionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
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
import java.time.Duration;
import java.time.Instant;
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
        NegotiationClock clock = new NegotiationClock(deadlines);
        register("deadlines", deadlines);
        register("negotiationClock", clock);
        glue("recordNegotiationOutcome").doesOnTask(task -> {
            if ("DISPUTE".equals(task.getVariable(NEGOTIATION_OUTCOME))) {
                clock.pause(task.getExecution());
            }
        });
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

    private static Instant tenOClock(LocalDate day) {
        return day.atTime(10, 0).atZone(BERLIN).toInstant();
    }

    /** The manager reports a dispute on one day, finance rejects it on another: the negotiation resumes. */
    private void disputedAndRejected(ProcessInstance instance, LocalDate disputedOn, LocalDate rejectedOn) {
        at(tenOClock(disputedOn));
        complete(task(instance), withVariables(NEGOTIATION_OUTCOME, "DISPUTE", DISPUTE_REASON, "price"));
        assertThat(instance).isWaitingAt(RESOLVE_DISPUTE);
        at(tenOClock(rejectedOn));
        complete(task(instance), withVariables(DISPUTE_DECISION, "UNJUSTIFIED"));
        assertThat(instance).isWaitingAt(NEGOTIATE_PAYMENT);
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

    @Test
    void aDisputeInCalendarDaysKeepsTheTimeThatWasLeft() {
        ProcessInstance instance = negotiating(DayCount.CALENDAR_DAYS); // Monday 2027-01-11: ends with the 21st
        // disputed on Friday the 15th at 10:00 (6 days 14 hours left), rejected on Tuesday the 19th at 10:00
        disputedAndRejected(instance, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 19));

        Date resumed = timer(instance).getDuedate();
        assertThat(resumed).isEqualTo(Date.from(endOf(TODAY.plusDays(10)).toInstant().plus(Duration.ofDays(4))));
        assertThat(task(instance).getDueDate()).isEqualTo(resumed);
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys(NEGOTIATION_TIME_LEFT, NEGOTIATION_WORKING_DAYS_LEFT);
        fireTimer(instance);
        assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED).isWaitingAt(SEND_CLAIM);
    }

    @Test
    void aDisputeInWorkingDaysKeepsTheWorkingDaysLeftCountedFromTheDayTheCaseReturns() {
        ProcessInstance instance = negotiating(DayCount.WORKING_DAYS); // Monday 2027-01-11: ends with Monday the 25th
        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 1, 25)));
        // disputed on Wednesday the 13th: 14, 15, 18 … 22, 25 are left, eight working days
        // rejected on Thursday the 18th of March, before Easter: eight working days after it skip Good Friday,
        // the weekend and Easter Monday (the 26th, 27th, 28th, 29th)
        disputedAndRejected(instance, LocalDate.of(2027, 1, 13), LocalDate.of(2027, 3, 18));

        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 4, 1)));
        assertThat(task(instance).getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 4, 1)));
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys(NEGOTIATION_TIME_LEFT, NEGOTIATION_WORKING_DAYS_LEFT);
        fireTimer(instance);
        assertThat(instance).hasPassed(NEGOTIATION_PERIOD_PASSED).isWaitingAt(SEND_CLAIM);
    }

    @Test
    void aDisputeOnTheLastWorkingDayLeavesTheDayTheCaseReturns() {
        ProcessInstance instance = negotiating(DayCount.WORKING_DAYS);
        // disputed on the last day, Monday the 25th; rejected on Saturday the 30th: the next working day is all
        disputedAndRejected(instance, LocalDate.of(2027, 1, 25), LocalDate.of(2027, 1, 30));

        assertThat(timer(instance).getDuedate()).isEqualTo(endOf(LocalDate.of(2027, 2, 1)));
    }
}
