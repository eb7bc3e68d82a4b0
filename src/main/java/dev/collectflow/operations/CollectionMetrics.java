package dev.collectflow.operations;

import dev.collectflow.collection.CaseStage;
import dev.collectflow.collection.InvoiceCollectionProcess;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operators watch on {@code /actuator/prometheus}, read from the database at a fixed interval (so a scrape costs
 * nothing and every node reports the same cluster-wide figures): open cases per stage, the open amount per currency,
 * the jobs waiting for the job executors, failing and failed (incidents). The job executor's thread pool
 * ({@code executor.*}, name {@code camundaTaskExecutor}) and the mail counters are reported where they happen.
 */
@Component
class CollectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(CollectionMetrics.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final MultiGauge casesPerStage;
    private final MultiGauge openAmount;
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong jobsFailing = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();

    CollectionMetrics(RuntimeService runtime, ManagementService management, JdbcTemplate jdbc, MeterRegistry meters) {
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.casesPerStage = MultiGauge.builder("collectflow.cases").description("Open cases per stage")
                .register(meters);
        this.openAmount = MultiGauge.builder("collectflow.open.amount")
                .description("Amount still open on invoices not closed, per currency").register(meters);
        Gauge.builder("collectflow.jobs.due", jobsDue, AtomicLong::get)
                .description("Jobs due now and not yet executed (timers, asynchronous steps)").register(meters);
        Gauge.builder("collectflow.jobs.failing", jobsFailing, AtomicLong::get)
                .description("Jobs that failed and are waiting for a retry").register(meters);
        Gauge.builder("collectflow.incidents", incidents, AtomicLong::get)
                .description("Open incidents (jobs out of retries): see Cockpit").register(meters);
    }

    @Scheduled(fixedDelayString = "${collectflow.metrics.refresh-interval:PT30S}", initialDelay = 0)
    void refresh() {
        try {
            casesPerStage.register(stageRows(), true);
            openAmount.register(jdbc.query("select currency, sum(open_amount) from invoice"
                    + " where status in ('OPEN', 'OVERDUE') group by currency",
                    (row, index) -> MultiGauge.Row.of(Tags.of("currency", row.getString(1)),
                            row.getBigDecimal(2).doubleValue())), true);
            jobsDue.set(management.createJobQuery().executable().count());
            jobsFailing.set(management.createJobQuery().withException().withRetriesLeft().count());
            incidents.set(runtime.createIncidentQuery().count());
        } catch (RuntimeException e) {
            log.warn("Metrics not refreshed: {}", e.toString()); // database away: the figures stay as they were
        }
    }

    /** A case is in the furthest stage any of its activities marks, so cases are counted cumulatively from the top. */
    private List<MultiGauge.Row<?>> stageRows() {
        Map<CaseStage, Long> atOrBeyond = new EnumMap<>(CaseStage.class);
        List<String> activities = new ArrayList<>();
        CaseStage[] stages = CaseStage.values();
        for (int i = stages.length - 1; i >= 0; i--) {
            activities.addAll(stages[i].activities());
            atOrBeyond.put(stages[i], activities.isEmpty() ? 0 : runtime.createProcessInstanceQuery()
                    .processDefinitionKey(InvoiceCollectionProcess.KEY)
                    .activityIdIn(activities.toArray(String[]::new)).count());
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            long beyond = i + 1 < stages.length ? atOrBeyond.get(stages[i + 1]) : 0;
            rows.add(MultiGauge.Row.of(Tags.of("stage", stages[i].name()), atOrBeyond.get(stages[i]) - beyond));
        }
        return rows;
    }
}
