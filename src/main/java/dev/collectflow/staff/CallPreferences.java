package dev.collectflow.staff;

import dev.collectflow.calendar.BusinessCalendar;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.Violation;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's time zone and time of day for planned calls; users who set nothing call at the company's default time
 * in the application's time zone. A call time must lie within working hours.
 */
@Service
public class CallPreferences {

    private final CallSettingsRepository settings;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public CallPreferences(CallSettingsRepository settings, BusinessCalendar calendar, Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A user's effective preferences (their own, or the company's defaults). */
    @Transactional(readOnly = true)
    public Preference of(String userId) {
        return settings.findById(userId)
                .map(s -> new Preference(s.getTimeZone(), s.getCallTime(), true))
                .orElseGet(() -> new Preference(calendar.zone(), calendar.defaultCallTime(), false));
    }

    /** Sets the user's time zone (an IANA id such as Europe/Kyiv) and call time ("HH:mm"); both are checked first. */
    @Transactional
    public Preference set(String userId, String timeZone, String callTime) {
        List<Violation> violations = new ArrayList<>();
        ZoneId zone = null;
        LocalTime time = null;
        if (timeZone == null || timeZone.isBlank()) {
            violations.add(new Violation("timeZone", "is required"));
        } else {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                violations.add(new Violation("timeZone", "must be a time zone such as Europe/Berlin"));
            }
        }
        if (callTime == null || callTime.isBlank()) {
            violations.add(new Violation("callTime", "is required"));
        } else {
            try {
                time = LocalTime.parse(callTime.strip());
                if (!calendar.isWithinWorkingHours(time)) {
                    violations.add(new Violation("callTime", "must be within working hours ("
                            + calendar.workingHoursStart() + " to " + calendar.workingHoursEnd() + ")"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("callTime", "must be a time of day like 10:00"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        CallSettings saved = settings.findById(userId).orElseGet(() -> new CallSettings(userId));
        saved.update(zone, time.withSecond(0).withNano(0), clock.instant());
        settings.save(saved);
        return of(userId);
    }

    /** @param own whether the user set them, or these are the company's defaults */
    public record Preference(ZoneId timeZone, LocalTime callTime, boolean own) {
    }
}
