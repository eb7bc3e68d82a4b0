package dev.collectflow.feed;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes an iCalendar document (RFC 5545): events at exact local times with their time zone (TZID and its
 * VTIMEZONE, written from Java's zone rules), lines folded at 75 octets, text escaped.
 */
final class ICalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();

    ICalendar(String name, ZoneId zone) {
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//CollectFlow//Calls and reminders//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("X-WR-CALNAME:" + text(name));
        lines.add("X-WR-TIMEZONE:" + zone.getId());
        timeZone(zone);
    }

    /** An event starting at a moment, shown at its local time in the calendar's zone. */
    void event(String uid, Instant stamp, Instant start, ZoneId zone, String duration, String summary,
               String description, String url) {
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + text(uid));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start.atZone(zone).toLocalDateTime()));
        lines.add("DURATION:" + duration);
        lines.add("SUMMARY:" + text(summary));
        lines.add("DESCRIPTION:" + text(description));
        if (url != null) {
            lines.add("URL:" + url);
        }
        lines.add("END:VEVENT");
    }

    String write() {
        List<String> all = new ArrayList<>(lines);
        all.add("END:VCALENDAR");
        return all.stream().map(ICalendar::fold).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** VTIMEZONE with the zone's recurring transitions (or its fixed offset). */
    private void timeZone(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            lines.add("BEGIN:STANDARD");
            lines.add("DTSTART:19700101T000000");
            lines.add("TZOFFSETFROM:" + offset(offset));
            lines.add("TZOFFSETTO:" + offset(offset));
            lines.add("END:STANDARD");
        }
        for (ZoneOffsetTransitionRule rule : transitions) {
            ZoneOffsetTransition first = rule.createTransition(1970);
            String kind = rule.getOffsetAfter().equals(rule.getStandardOffset()) ? "STANDARD" : "DAYLIGHT";
            lines.add("BEGIN:" + kind);
            lines.add("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
            lines.add("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + byDay(rule));
            lines.add("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
            lines.add("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
            lines.add("END:" + kind);
        }
        lines.add("END:VTIMEZONE");
    }

    private static String byDay(ZoneOffsetTransitionRule rule) {
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        if (weekday == null) {
            return ";BYMONTHDAY=" + day;
        }
        String code = weekday.name().substring(0, 2);
        if (day == -1) {
            return ";BYDAY=-1" + code;
        }
        if (day > 0 && (day - 1) % 7 == 0) {
            return ";BYDAY=" + ((day - 1) / 7 + 1) + code;
        }
        // the weekday on or after (before, when negative) the given day of the month
        IntStream window = day > 0 ? IntStream.range(day, day + 7) : IntStream.range(day - 6, day + 1);
        return ";BYDAY=" + code + ";BYMONTHDAY=" + window.mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", Math.abs(seconds) / 3600, Math.abs(seconds) / 60 % 60);
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
    private static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
