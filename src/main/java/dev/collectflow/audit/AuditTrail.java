package dev.collectflow.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The domain audit trail of every case, written in the transaction of the change it describes. */
@Service
public class AuditTrail {

    /** Actor of the steps the regulation takes on its own (timers, automatic checks). */
    public static final String SYSTEM = "collectflow";

    private static final int MAX_DETAIL = 2000;

    private final CaseEventRepository events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public AuditTrail(CaseEventRepository events, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records a line of the case's trail; answers it as stored. */
    @Transactional
    public CaseEvent record(String invoiceNumber, CaseEventType type, String actor, String detail) {
        String text = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        CaseEvent event = events.save(new CaseEvent(invoiceNumber, clock.instant(), actor == null ? SYSTEM : actor,
                type, text));
        publisher.publishEvent(new CaseEventRecorded(invoiceNumber, type));
        return event;
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> of(String invoiceNumber) {
        return events.findByInvoiceNumberOrderByOccurredAtAscIdAsc(invoiceNumber);
    }
}
