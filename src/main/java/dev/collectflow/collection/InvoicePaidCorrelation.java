package dev.collectflow.collection;

import dev.collectflow.invoice.InvoiceSettled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the case of an invoice that payments have settled, after the payment has committed: the payment is stored
 * and acknowledged on its own, and a step of the same case running at that moment can delay the end of the case but
 * never refuse or lose the payment.
 * <ol>
 * <li>With the payment, in its transaction, a row in {@code case_closing} records that the case must end.</li>
 * <li>After the commit the case's {@code InvoicePaid} message is correlated, in a transaction of its own that also
 * removes the row. A clash with a concurrent step of the case (optimistic locking) is retried a few times with a
 * growing pause.</li>
 * <li>Every node sweeps rows left behind (retries used up, a node that died between payment and correlation) at a
 * fixed interval. Correlating twice is harmless: a case that has ended waits for no message.</li>
 * </ol>
 */
@Component
class InvoicePaidCorrelation {

    private static final Logger log = LoggerFactory.getLogger(InvoicePaidCorrelation.class);
    private static final int RETRIES = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration sweepGrace;
    private final Counter clashes;

    InvoicePaidCorrelation(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                           TaskScheduler scheduler, Clock clock, MeterRegistry meters,
                           @Value("${collectflow.case-closing.sweep-grace:PT30S}") Duration sweepGrace) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.scheduler = scheduler;
        this.clock = clock;
        this.sweepGrace = sweepGrace;
        this.clashes = Counter.builder("collectflow.case.closing.retries")
                .description("Attempts to end a paid case that clashed with another step of it and were repeated")
                .register(meters);
    }

    /** In the payment's transaction: the case must end, whatever happens after the commit. */
    @EventListener
    void remember(InvoiceSettled settled) {
        jdbc.update("insert into case_closing (invoice_number, requested_at, attempts) values (?, ?, 0)",
                settled.invoiceNumber(), Timestamp.from(clock.instant()));
    }

    /** After the payment's commit, in the thread that booked it: usually the case ends before the answer goes out. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void closeAfterCommit(InvoiceSettled settled) {
        attempt(settled.invoiceNumber(), 0);
    }

    /** Rows that no attempt removed: retries used up, or the node that took the payment died before closing. */
    @Scheduled(fixedDelayString = "${collectflow.case-closing.sweep-interval:PT1M}",
            initialDelayString = "${collectflow.case-closing.sweep-interval:PT1M}")
    void sweep() {
        Instant before = clock.instant().minus(sweepGrace);
        List<String> left = jdbc.queryForList(
                "select invoice_number from case_closing where requested_at < ? order by requested_at",
                String.class, Timestamp.from(before));
        for (String invoiceNumber : left) {
            close(invoiceNumber);
        }
    }

    private void attempt(String invoiceNumber, int retry) {
        if (close(invoiceNumber) || retry >= RETRIES) {
            return;
        }
        clashes.increment();
        Duration pause = FIRST_PAUSE.multipliedBy(1L << retry);
        scheduler.schedule(() -> attempt(invoiceNumber, retry + 1), scheduler.getClock().instant().plus(pause));
    }

    /** Ends the case and forgets the row, in one transaction; false if that failed (the row stays). */
    boolean close(String invoiceNumber) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                runtime.createMessageCorrelation(InvoiceCollectionProcess.Messages.INVOICE_PAID)
                        .processInstanceBusinessKey(invoiceNumber)
                        .correlateAllWithResult();
                jdbc.update("delete from case_closing where invoice_number = ?", invoiceNumber);
            });
            return true;
        } catch (RuntimeException e) {
            log.info("Closing the paid case {} failed, will try again: {}", invoiceNumber, e.toString());
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.update(
                        "update case_closing set attempts = attempts + 1, last_failure = ? where invoice_number = ?",
                        abbreviate(e.toString()), invoiceNumber));
            } catch (RuntimeException unrecorded) {
                log.warn("Could not record the failed attempt for {}: {}", invoiceNumber, unrecorded.toString());
            }
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
