package dev.collectflow.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a user's planned calls take place: in which time zone and at what time of day. */
@Entity
public class CallSettings {

    @Id
    private String userId;
    private String timeZone;
    private LocalTime callTime;
    private Instant updatedAt;

    protected CallSettings() {
    }

    CallSettings(String userId) {
        this.userId = userId;
    }

    void update(ZoneId zone, LocalTime time, Instant now) {
        this.timeZone = zone.getId();
        this.callTime = time;
        this.updatedAt = now;
    }

    public String getUserId() { return userId; }
    public ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    public LocalTime getCallTime() { return callTime; }
}
