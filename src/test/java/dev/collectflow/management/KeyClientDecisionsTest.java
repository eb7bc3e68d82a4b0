package dev.collectflow.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.collection.RegulationProperties;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The forgiveness limit counts within the configured window, not within a fixed year. */
class KeyClientDecisionsTest {

    private static final Instant NOW = Instant.parse("2027-01-11T09:00:00Z");

    private static RegulationProperties regulation(Period window) {
        return new RegulationProperties(Period.ofDays(10), Period.ofMonths(1), Period.ofDays(3), Period.ofDays(30),
                Period.ofDays(60), window, Period.ofDays(3));
    }

    private static int forgivable(Period window) {
        ForgivenessRepository forgiveness = mock(ForgivenessRepository.class);
        // 40 days were forgiven 100 days ago
        when(forgiveness.daysForgivenSince(eq("acme"), any())).thenAnswer(call ->
                ((Instant) call.getArgument(1)).isBefore(NOW.minus(java.time.Duration.ofDays(100))) ? 40L : 0L);
        return new KeyClientDecisions(forgiveness, mock(EntityManager.class), mock(AuditTrail.class),
                regulation(window), Clock.fixed(NOW, ZoneOffset.UTC)).forgivableDays("acme");
    }

    @Test
    void forgivenDaysCountWithinTheConfiguredWindow() {
        assertThat(forgivable(Period.ofDays(365))).isEqualTo(20);
        assertThat(forgivable(Period.ofDays(90))).as("forgiven 100 days ago: outside a 90-day window").isEqualTo(60);
    }

    @Test
    void theWindowIsGivenInDays() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> regulation(Period.ofYears(1)))
                .hasMessageContaining("forgiveness-window must be given in days");
    }
}
