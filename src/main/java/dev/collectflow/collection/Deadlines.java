package dev.collectflow.collection;

import dev.collectflow.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the regulation's periods into the dates the process waits for. A deadline "on" a day lasts until the end of
 * that day in the company's time zone, so its timer fires at the following midnight.
 */
@Component("deadlines")
public class Deadlines {

    private final Clock clock;
    private final ZoneId zone;
    private final RegulationProperties regulation;
    private final NegotiationProperties.DayCount negotiationCount;
    private final BusinessCalendar calendar;

    /** Deadlines that count every period in calendar days. */
    public Deadlines(Clock clock, ZoneId zone, RegulationProperties regulation) {
        this(clock, zone, regulation, new NegotiationProperties(NegotiationProperties.DayCount.CALENDAR_DAYS), null);
    }

    @Autowired
    public Deadlines(Clock clock, @Value("${collectflow.time-zone}") ZoneId zone, RegulationProperties regulation,
                     NegotiationProperties negotiation, BusinessCalendar calendar) {
        if (negotiation.count() == NegotiationProperties.DayCount.WORKING_DAYS && calendar == null) {
            throw new IllegalArgumentException("counting the negotiation in working days needs the business calendar");
        }
        this.clock = clock;
        this.zone = zone;
        this.regulation = regulation;
        this.negotiationCount = negotiation.count();
        this.calendar = calendar;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The moment an invoice becomes overdue: the end of its due date. */
    public Date overdueFrom(LocalDate dueDate) {
        return endOf(dueDate);
    }

    /** The moment a promise counts as broken: the end of the promised date plus the tolerance. */
    public Date promiseCheckAt(LocalDate promisedDate) {
        return endOf(promisedDate.plus(regulation.promiseTolerance()));
    }

    /** The latest payment date a sales manager may accept as a promise. */
    public LocalDate latestPromisedDate() {
        return today().plus(regulation.promiseHorizon());
    }

    /** The last day the client has to pay after the claim was sent. */
    public LocalDate lastDayToPay(LocalDate claimSentOn) {
        return claimSentOn.plus(regulation.claimPeriod());
    }

    /** The end of the client's time to pay after the claim was sent. */
    public Date claimDeadline(LocalDate claimSentOn) {
        return endOf(lastDayToPay(claimSentOn));
    }

    /** When a decision or step asked of someone today should be done (the due date Tasklist shows and sorts by). */
    public Date responseDue() {
        return endOf(today().plus(regulation.responsePeriod()));
    }

    /** Whether the negotiation period counts working days of the business calendar ({@code collectflow.negotiation.count}). */
    public boolean negotiationCountsWorkingDays() {
        return negotiationCount == NegotiationProperties.DayCount.WORKING_DAYS;
    }

    /** The days of the negotiation period, calendar or working days as configured. */
    public int negotiationDays() {
        return regulation.negotiationPeriod().getDays();
    }

    /**
     * The last day of a negotiation period that starts on the given day: the negotiation's days counted after it in
     * calendar days or, where configured, in working days. Every deadline, text and figure that speaks of the
     * negotiation period counts it here.
     */
    public LocalDate negotiationLastDay(LocalDate start) {
        return negotiationCountsWorkingDays()
                ? calendar.workingDaysFrom(start, negotiationDays())
                : start.plusDays(negotiationDays());
    }

    /** The end of a negotiation that starts today: the end of the last of its days. */
    public Date negotiationDeadline() {
        return endOf(negotiationLastDay(today()));
    }

    /** The last day before a deadline that ends at midnight: the day the person still has. */
    public LocalDate lastDayBefore(Date deadline) {
        return deadline.toInstant().atZone(zone).toLocalDate().minusDays(1);
    }

    /**
     * The working days a negotiation paused today has left: the working days after today up to the last day before
     * its deadline (today is spent).
     */
    public int negotiationWorkingDaysLeft(Date deadline) {
        return Math.max(0, calendar.workingDaysBetween(today(), lastDayBefore(deadline)));
    }

    /**
     * The end of a negotiation resumed today with working days left: the end of the last of them, counted after
     * today as a negotiation starting today is (none left: the end of today, or of the next working day).
     */
    public Date negotiationDeadlineResumed(int workingDaysLeft) {
        return endOf(calendar.workingDaysFrom(today(), workingDaysLeft));
    }

    /** The end of overdue time management forgives from today: midnight after the last forgiven day. */
    public Date forgivenUntil(int days) {
        return endOf(today().plusDays(days));
    }

    public long daysOverdue(LocalDate dueDate) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today()));
    }

    /** Time left until a deadline, never negative. */
    public Duration timeLeftUntil(Date deadline) {
        Duration left = Duration.between(now(), deadline.toInstant());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Date fromNow(Duration duration) {
        return Date.from(now().plus(duration));
    }

    private Date endOf(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
