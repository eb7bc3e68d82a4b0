package dev.collectflow.feed;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal calendar feed a calendar app subscribes to, outside {@code /api}: the secret in the address is the
 * login. Any address that does not open a feed (unknown user, someone else's secret, a replaced or revoked one)
 * answers the same plain 404.
 */
@RestController
@Hidden
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeeds feeds;
    private final CallCalendar calendar;

    CalendarFeedController(CalendarFeeds feeds, CallCalendar calendar) {
        this.feeds = feeds;
        this.calendar = calendar;
    }

    @GetMapping("/calendar/{userId}/{token}.ics")
    ResponseEntity<?> feed(@PathVariable String userId, @PathVariable String token) {
        if (!feeds.opens(userId, token)) {
            ProblemDetail notFound = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
            notFound.setTitle("Not found");
            notFound.setInstance(URI.create("/calendar")); // not the address asked for: it holds the secret
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(notFound);
        }
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).header("Cache-Control", "no-store")
                .body(calendar.of(userId));
    }
}
