package dev.collectflow.management;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.Client;
import dev.collectflow.collection.InvoiceCollectionProcess.Variables;
import dev.collectflow.collection.RegulationProperties;
import dev.collectflow.system.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management's exceptions for key clients. Forgiven overdue time is recorded per client and limited: within any
 * forgiveness window (configuration, 365 days by default) a client may be forgiven at most the configured limit.
 */
@Service
public class KeyClientDecisions {

    private final ForgivenessRepository forgiveness;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final RegulationProperties regulation;
    private final Clock clock;

    public KeyClientDecisions(ForgivenessRepository forgiveness, EntityManager entityManager, AuditTrail audit,
                              RegulationProperties regulation, Clock clock) {
        this.forgiveness = forgiveness;
        this.entityManager = entityManager;
        this.audit = audit;
        this.regulation = regulation;
        this.clock = clock;
    }

    /** Days of overdue that may still be forgiven to the client now. */
    @Transactional(readOnly = true)
    public int forgivableDays(String clientId) {
        Duration window = Duration.ofDays(regulation.forgivenessWindow().getDays());
        long used = forgiveness.daysForgivenSince(clientId, clock.instant().minus(window));
        return (int) Math.max(0, regulation.forgivenessLimit().getDays() - used);
    }

    /** Records forgiven days; decisions for one client queue up on the client, so together they keep the limit. */
    @Transactional
    public void forgive(String clientId, String invoiceNumber, int days, String decidedBy, String reason) {
        entityManager.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (days > forgivableDays(clientId)) {
            throw new InvalidInputException(Variables.FORGIVEN_DAYS,
                    "exceeds what is left of the client's limit (" + forgivableDays(clientId) + " days)");
        }
        forgiveness.save(new Forgiveness(clientId, invoiceNumber, days, decidedBy, reason, clock.instant()));
        audit.record(invoiceNumber, CaseEventType.KEY_CLIENT_FORGIVEN, decidedBy,
                "Overdue forgiven for " + days + " days: " + reason);
    }

    @Transactional
    public void applyStandardRegulation(String invoiceNumber, String decidedBy, String reason) {
        audit.record(invoiceNumber, CaseEventType.KEY_CLIENT_STANDARD_REGULATION, decidedBy, reason);
    }

    @Transactional
    public void decideLawsuit(String invoiceNumber, LawsuitDecision decision, String decidedBy, String reason) {
        audit.record(invoiceNumber,
                decision == LawsuitDecision.APPROVE ? CaseEventType.LAWSUIT_APPROVED : CaseEventType.LAWSUIT_DECLINED,
                decidedBy, reason);
    }
}
