package dev.collectflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Logins that succeeded a moment ago, so an integration sending many requests does not have its password and groups
 * looked up in the database for each one. Remembered by a salted hash of the credentials (never the password), for
 * a short time only: a changed password, a removed user or a changed group membership takes effect after at most
 * that time. Wrong credentials are never remembered, so they are always checked.
 */
final class RecentLogins {

    /** More distinct logins than any company has at once: beyond, everything is forgotten. */
    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[16];
    private final Map<String, Remembered> logins = new ConcurrentHashMap<>();

    private record Remembered(ApiUser user, long until) {
    }

    RecentLogins(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    RecentLogins(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    /** The user these credentials logged in as a moment ago, or null. */
    ApiUser get(String userId, String password) {
        if (ttlNanos <= 0) {
            return null;
        }
        String key = key(userId, password);
        Remembered remembered = logins.get(key);
        if (remembered == null) {
            return null;
        }
        if (nanoTime.getAsLong() - remembered.until() >= 0) {
            logins.remove(key, remembered);
            return null;
        }
        return remembered.user();
    }

    void remember(String userId, String password, ApiUser user) {
        if (ttlNanos <= 0) {
            return;
        }
        if (logins.size() >= MAX_ENTRIES) {
            logins.clear();
        }
        logins.put(key(userId, password), new Remembered(user, nanoTime.getAsLong() + ttlNanos));
    }

    private String key(String userId, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(userId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
