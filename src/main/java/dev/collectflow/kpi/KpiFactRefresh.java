package dev.collectflow.kpi;

import dev.collectflow.audit.CaseEventRecorded;
import dev.collectflow.invoice.InvoiceChanged;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TransactionRequiredException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the KPI facts in step with the ledger: every invoice changed or audited in a transaction has its facts
 * derived anew just before that transaction commits, so figures and ledger commit together or not at all. At
 * start-up it derives the facts of invoices recorded before the KPIs existed.
 */
@Component
class KpiFactRefresh implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KpiFactRefresh.class);

    private final KpiFactStore store;
    private final EntityManager entityManager;

    KpiFactRefresh(KpiFactStore store, EntityManager entityManager) {
        this.store = store;
        this.entityManager = entityManager;
    }

    @EventListener
    void on(InvoiceChanged changed) {
        changed(changed.invoiceNumber());
        if (changed.registered() && TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().registered.add(changed.invoiceNumber());
        }
    }

    @EventListener
    void on(CaseEventRecorded recorded) {
        changed(recorded.invoiceNumber());
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int derived = store.deriveMissing();
        if (derived > 0) {
            log.info("Derived the KPI facts of {} invoices", derived);
        }
    }

    private void changed(String invoiceNumber) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.refresh(List.of(invoiceNumber));
            return;
        }
        pending().invoiceNumbers.add(invoiceNumber);
    }

    private PendingFacts pending() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingFacts.class::isInstance).map(PendingFacts.class::cast).findFirst()
                .orElseGet(() -> {
                    PendingFacts created = new PendingFacts();
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
    }

    /** The invoices of one transaction whose facts are derived when it commits; some registered in it. */
    private final class PendingFacts implements TransactionSynchronization {
        private final Set<String> invoiceNumbers = new TreeSet<>();
        private final Set<String> registered = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                try {
                    entityManager.flush(); // the ledger rows of this transaction, visible to the derivation
                } catch (TransactionRequiredException noJpaInThisTransaction) {
                    // nothing of JPA to flush
                }
            }
            Set<String> changed = new TreeSet<>(invoiceNumbers);
            changed.removeAll(registered);
            store.refresh(changed);
            store.deriveRegistered(registered);
        }
    }
}
