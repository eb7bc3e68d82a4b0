package dev.collectflow.feed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The secret in the address of one user's calendar feed. */
@Entity
class CalendarFeed {

    @Id
    private String userId;
    private String token;
    private Instant createdAt;

    protected CalendarFeed() {
    }

    CalendarFeed(String userId, String token, Instant createdAt) {
        this.userId = userId;
        this.token = token;
        this.createdAt = createdAt;
    }

    void replaceToken(String token, Instant now) {
        this.token = token;
        this.createdAt = now;
    }

    String getUserId() { return userId; }
    String getToken() { return token; }
    Instant getCreatedAt() { return createdAt; }
}
