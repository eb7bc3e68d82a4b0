package dev.collectflow.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days of the company: the configured weekdays, less the country's public holidays (from the jollyday
 * library) and the company's closing days, in the application's time zone. Steps counted "in working days" are
 * counted here.
 */
@Component("businessCalendar")
public class BusinessCalendar {

    private final CalendarProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final HolidayManager holidays;
    private final String[] region;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public BusinessCalendar(CalendarProperties properties, @Value("${collectflow.time-zone}") ZoneId zone, Clock clock) {
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(properties.holidayCountry()));
        this.region = properties.holidayRegion() == null || properties.holidayRegion().isBlank()
                ? new String[0] : new String[] {properties.holidayRegion()};
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today in the application's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public boolean isWorkingDay(LocalDate day) {
        return properties.workingDays().contains(day.getDayOfWeek())
                && !properties.closingDays().contains(day)
                && !publicHolidays(day.getYear()).contains(day);
    }

    /**
     * The day that lies the given number of working days after (or, negative, before) a day. Zero is the day itself
     * when it is a working day, else the next working day.
     */
    public LocalDate workingDaysFrom(LocalDate day, int workingDays) {
        LocalDate result = day;
        if (workingDays == 0) {
            while (!isWorkingDay(result)) {
                result = result.plusDays(1);
            }
            return result;
        }
        int step = workingDays > 0 ? 1 : -1;
        for (int left = Math.abs(workingDays); left > 0; ) {
            result = result.plusDays(step);
            if (isWorkingDay(result)) {
                left--;
            }
        }
        return result;
    }

    /**
     * Working days from one day to another: positive when {@code to} is later (working days after {@code from} up to
     * and including {@code to}), negative when earlier, zero on the same day.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        if (to.isAfter(from)) {
            for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                count += isWorkingDay(day) ? 1 : 0;
            }
        } else {
            for (LocalDate day = to; day.isBefore(from); day = day.plusDays(1)) {
                count -= isWorkingDay(day) ? 1 : 0;
            }
        }
        return count;
    }

    public LocalTime workingHoursStart() {
        return properties.workingHoursStart();
    }

    public LocalTime workingHoursEnd() {
        return properties.workingHoursEnd();
    }

    /** Whether a time of day lies within working hours (from the start, before the end). */
    public boolean isWithinWorkingHours(LocalTime time) {
        return !time.isBefore(properties.workingHoursStart()) && time.isBefore(properties.workingHoursEnd());
    }

    public LocalTime defaultCallTime() {
        return properties.defaultCallTime();
    }

    private Set<LocalDate> publicHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region)
                .stream().map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }
}
