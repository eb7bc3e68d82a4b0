package dev.collectflow.pressure;

import dev.collectflow.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When the sales manager's reminders come during the claim month: the first one a working day at least one
 * interval after the claim month started, then every interval on the same weekday; each is due by the end of a
 * working day. Named in the collection model's timer ({@code ${claimPulse.cycle()}}) and the task's follow-up and
 * due dates.
 */
@Component("claimPulse")
public class ClaimPulse {

    private final ClaimPulseProperties properties;
    private final BusinessCalendar calendar;

    public ClaimPulse(ClaimPulseProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The first reminder of a claim month that starts now. */
    public ZonedDateTime firstReminder() {
        LocalDate day = calendar.workingDaysFrom(calendar.today().plus(properties.interval()), 0);
        return day.atTime(properties.time()).atZone(calendar.zone());
    }

    /**
     * An ISO-8601 repeating interval ({@code R/2027-01-18T09:00:00+01:00/P7D}) for the timer: without an end, since
     * the claim month's end closes the timer with the month. A start in the future means no reminder is ever late.
     */
    public String cycle() {
        return "R/" + firstReminder().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/"
                + properties.interval();
    }

    /**
     * When a reminder created now is to be taken up: at the reminders' time of day on the working day it is due, so
     * a calendar shows it at that time rather than at the end of the day.
     */
    public Date reminderAt() {
        LocalDate day = calendar.workingDaysFrom(calendar.today(), 0);
        return Date.from(day.atTime(properties.time()).atZone(calendar.zone()).toInstant());
    }

    /** Due date of a reminder created now: the end of today, or of the next working day when today is none. */
    public Date reminderDue() {
        LocalDate day = calendar.workingDaysFrom(calendar.today(), 0);
        return Date.from(day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }
}
