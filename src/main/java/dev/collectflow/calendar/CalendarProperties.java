package dev.collectflow.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The company's business calendar ({@code collectflow.calendar.*}): working days, holidays and working hours. */
@Validated
@ConfigurationProperties("collectflow.calendar")
public record CalendarProperties(
        /* Country whose public holidays are not working days (ISO 3166 code, e.g. de). */
        @NotBlank String holidayCountry,
        /* Region of that country whose holidays count too (e.g. be for Berlin); empty for national ones only. */
        String holidayRegion,
        /* The company's own closing days (e.g. between Christmas and New Year). */
        List<LocalDate> closingDays,
        @NotEmpty Set<DayOfWeek> workingDays,
        @NotNull LocalTime workingHoursStart,
        @NotNull LocalTime workingHoursEnd,
        /* The time of day of planned calls for managers who have not set their own. */
        @NotNull LocalTime defaultCallTime) {

    public CalendarProperties {
        closingDays = closingDays == null ? List.of() : List.copyOf(closingDays);
        if (workingHoursStart != null && workingHoursEnd != null && !workingHoursStart.isBefore(workingHoursEnd)) {
            throw new IllegalArgumentException("collectflow.calendar.working-hours-start must be before working-hours-end");
        }
        if (defaultCallTime != null && workingHoursStart != null && workingHoursEnd != null
                && (defaultCallTime.isBefore(workingHoursStart) || !defaultCallTime.isBefore(workingHoursEnd))) {
            throw new IllegalArgumentException("collectflow.calendar.default-call-time must be within working hours");
        }
    }
}
