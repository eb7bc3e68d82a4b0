package dev.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {

    private final AtomicLong now = new AtomicLong();
    private final RecentLogins logins = new RecentLogins(Duration.ofSeconds(5), now::get);
    private final ApiUser fred = new ApiUser("fred", Set.of("finance"));

    @Test
    void aLoginIsRememberedForItsTimeOnlyAndOnlyWithTheSamePassword() {
        logins.remember("fred", "Fred-Pa55word-1", fred);

        assertThat(logins.get("fred", "Fred-Pa55word-1")).isEqualTo(fred);
        assertThat(logins.get("fred", "another password")).isNull();
        assertThat(logins.get("pia", "Fred-Pa55word-1")).isNull();

        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(logins.get("fred", "Fred-Pa55word-1")).isEqualTo(fred);
        now.incrementAndGet();
        assertThat(logins.get("fred", "Fred-Pa55word-1")).as("forgotten after 5 s").isNull();
    }

    @Test
    void userAndPasswordCannotBeShiftedIntoEachOther() {
        logins.remember("fre", "dFred-Pa55word-1", fred);

        assertThat(logins.get("fred", "Fred-Pa55word-1")).isNull();
    }

    @Test
    void aMemoryOfZeroRemembersNothing() {
        RecentLogins never = new RecentLogins(Duration.ZERO, now::get);
        never.remember("fred", "Fred-Pa55word-1", fred);

        assertThat(never.get("fred", "Fred-Pa55word-1")).isNull();
    }
}
