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

    /**
     * The end of a negotiation that starts today: the end of the last of its days, counted in calendar days or, where
     * configured ({@code collectflow.negotiation.count}), in working days.
     */
    public Date negotiationDeadline() {
        int days = regulation.negotiationPeriod().getDays();
        LocalDate lastDay = negotiationCount == NegotiationProperties.DayCount.WORKING_DAYS
                ? calendar.workingDaysFrom(today(), days)
                : today().plusDays(days);
        return endOf(lastDay);
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
