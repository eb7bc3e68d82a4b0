package dev.collectflow.collection;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the days overdue that open tasks show at midnight in the company's time zone. Each node checks every
 * minute whether the day changed since it last looked and then refreshes every open case, one transaction per case.
 * Safe with several nodes: a refresh writes only values that changed, and when two nodes write the same task at
 * once the engine's optimistic locking lets one of them through; the other skips that case.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DailyTaskRefresh {

    private static final Logger log = LoggerFactory.getLogger(DailyTaskRefresh.class);

    private final CaseTaskContext context;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private volatile LocalDate refreshedFor;

    DailyTaskRefresh(CaseTaskContext context, Deadlines deadlines, RuntimeService runtime,
                     PlatformTransactionManager transactions,
                     @Value("${collectflow.task-facts.daily-refresh:true}") boolean enabled) {
        this.context = context;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void refreshWhenTheDayChanged() {
        LocalDate today = deadlines.today();
        if (enabled && !today.equals(refreshedFor)) {
            refreshAll();
            refreshedFor = today;
        }
    }

    /** Brings every open task that shows a case up to date with it; answers how many cases were looked at. */
    public int refreshAll() {
        // the invoice numbers the open tasks show, in whichever process (a case's collection process and its pressure
        // scale share one); read from the tasks' variables, not by process instance ids, whose number has no bound
        Set<String> invoiceNumbers = new TreeSet<>();
        runtime.createVariableInstanceQuery().variableName(CaseTaskContext.INVOICE).list()
                .forEach(variable -> invoiceNumbers.add(String.valueOf(variable.getValue())));
        int cases = 0;
        for (String invoiceNumber : invoiceNumbers) {
            try {
                transaction.executeWithoutResult(status -> context.refresh(invoiceNumber));
                cases++;
            } catch (OptimisticLockingException e) {
                log.debug("Case {} was refreshed by another node at the same moment", invoiceNumber);
            } catch (RuntimeException e) {
                log.warn("Could not refresh the open tasks of case {}", invoiceNumber, e);
            }
        }
        return cases;
    }
}
