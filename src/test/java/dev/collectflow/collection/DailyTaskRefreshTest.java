package dev.collectflow.collection;

import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** The minute check refreshes open tasks once per day in the company's zone, and not at all where switched off. */
class DailyTaskRefreshTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Instant now;
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }
        @Override public Instant instant() { return now; }
    };
    private final Deadlines deadlines = new Deadlines(clock, BERLIN, new RegulationProperties(Period.ofDays(10),
            Period.ofMonths(1), Period.ofDays(3), Period.ofDays(30), Period.ofDays(60), Period.ofDays(365),
            Period.ofDays(3)));

    private DailyTaskRefresh refresh(boolean enabled) {
        DailyTaskRefresh refresh = spy(new DailyTaskRefresh(mock(CaseTaskContext.class), deadlines,
                mock(RuntimeService.class), mock(PlatformTransactionManager.class), enabled));
        doReturn(0).when(refresh).refreshAll();
        return refresh;
    }

    private void at(int day, int hour, int minute) {
        now = LocalDate.of(2027, 1, day).atTime(hour, minute).atZone(BERLIN).toInstant();
    }

    @Test
    void refreshesOnceADayFromMidnightInTheCompanysZone() {
        DailyTaskRefresh refresh = refresh(true);
        at(11, 23, 58);
        refresh.refreshWhenTheDayChanged(); // first look after start: brings everything up to date
        at(11, 23, 59);
        refresh.refreshWhenTheDayChanged();
        verify(refresh, times(1)).refreshAll();

        at(12, 0, 0);
        refresh.refreshWhenTheDayChanged();
        at(12, 0, 1);
        refresh.refreshWhenTheDayChanged();
        verify(refresh, times(2)).refreshAll();
    }

    @Test
    void switchedOffItNeverRefreshes() {
        DailyTaskRefresh refresh = refresh(false);
        at(11, 10, 0);
        refresh.refreshWhenTheDayChanged();
        at(12, 10, 0);
        refresh.refreshWhenTheDayChanged();
        verify(refresh, never()).refreshAll();
    }
}
