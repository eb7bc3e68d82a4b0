package dev.collectflow.feed;

import dev.collectflow.notification.MailProperties;
import dev.collectflow.security.CurrentUser;
import dev.collectflow.staff.CallPreferences;
import dev.collectflow.system.PlainTextOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me")
@Tag(name = "My calendar", description = "The logged-in user's calendar feed and when their planned calls take place")
class MyCalendarController {

    private final CurrentUser currentUser;
    private final CalendarFeeds feeds;
    private final CallPreferences preferences;
    private final MailProperties mail;

    MyCalendarController(CurrentUser currentUser, CalendarFeeds feeds, CallPreferences preferences,
                         MailProperties mail) {
        this.currentUser = currentUser;
        this.feeds = feeds;
        this.preferences = preferences;
        this.mail = mail;
    }

    @GetMapping("/calendar-feed")
    @Operation(summary = "My calendar feed's address",
            description = "An iCalendar (RFC 5545) feed of my open calls and call reminders for a calendar app; the"
                    + " secret in the address is its only protection: keep it private. Created on first request.")
    FeedAddress feed() {
        return address(feeds.tokenOf(currentUser.id()));
    }

    @PostMapping("/calendar-feed/rotation")
    @Operation(summary = "Replace my calendar feed's secret", description = "The old address stops working at once.")
    FeedAddress rotate() {
        return address(feeds.rotate(currentUser.id()));
    }

    @DeleteMapping("/calendar-feed")
    @Operation(summary = "Revoke my calendar feed", description = "The address stops working; 204.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Done")
    ResponseEntity<Void> revoke() {
        feeds.revoke(currentUser.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/call-settings")
    @Operation(summary = "When my planned calls take place: time zone and time of day")
    CallSettingsView callSettings() {
        return CallSettingsView.of(preferences.of(currentUser.id()));
    }

    @PutMapping(path = "/call-settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set my time zone and call time",
            description = "timeZone: an IANA id such as Europe/Kyiv; callTime: HH:mm within working hours. Applies"
                    + " to calls planned from now on.")
    CallSettingsView setCallSettings(@Valid @RequestBody CallSettingsRequest request) {
        return CallSettingsView.of(preferences.set(currentUser.id(), request.timeZone(), request.callTime()));
    }

    private FeedAddress address(String token) {
        String user = URLEncoder.encode(currentUser.id(), StandardCharsets.UTF_8);
        return new FeedAddress(mail.baseUrl() + "/calendar/" + user + "/" + token + ".ics", token);
    }

    record FeedAddress(String url, String token) {
    }

    record CallSettingsRequest(@NotBlank @PlainTextOnly @Size(max = 64) String timeZone,
                               @NotBlank @PlainTextOnly @Size(max = 5) String callTime) {
    }

    record CallSettingsView(String timeZone, String callTime, boolean own) {
        static CallSettingsView of(CallPreferences.Preference preference) {
            return new CallSettingsView(preference.timeZone().getId(), preference.callTime().toString(),
                    preference.own());
        }
    }
}
