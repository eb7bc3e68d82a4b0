package dev.collectflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock for tests: moves together with the engine's clock (ClockUtil, the only way to move
 * Camunda's time), so timers, deadlines and "today" agree while a test travels in time.
 */
public class TestClock extends Clock {

    private volatile Instant now;

    public TestClock() {
        reset();
    }

    public void set(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void travel(Duration duration) {
        set(now.plus(duration));
    }

    /** Back to real time (with millisecond precision, as the engine keeps it). */
    public void reset() {
        ClockUtil.reset();
        now = Instant.ofEpochMilli(System.currentTimeMillis());
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
