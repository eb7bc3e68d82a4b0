package dev.collectflow.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's calendar feed address holds a long random secret (256 bits) instead of a login, so a calendar app can
 * subscribe to it. The user sees it, replaces it (the old address stops working at once) or revokes it.
 */
@Service
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final Clock clock;

    CalendarFeeds(CalendarFeedRepository feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** The user's secret, created on first use. */
    @Transactional
    String tokenOf(String userId) {
        return feeds.findById(userId)
                .orElseGet(() -> feeds.save(new CalendarFeed(userId, newToken(), clock.instant())))
                .getToken();
    }

    @Transactional
    String rotate(String userId) {
        CalendarFeed feed = feeds.findById(userId).orElse(null);
        if (feed == null) {
            return tokenOf(userId);
        }
        feed.replaceToken(newToken(), clock.instant());
        return feed.getToken();
    }

    @Transactional
    void revoke(String userId) {
        feeds.deleteById(userId);
    }

    /** Whether the token is the user's current secret (compared in constant time). */
    @Transactional(readOnly = true)
    boolean opens(String userId, String token) {
        Optional<CalendarFeed> feed = feeds.findById(userId);
        return feed.isPresent() && token != null && MessageDigest.isEqual(
                feed.get().getToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
