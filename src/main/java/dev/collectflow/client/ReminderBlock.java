package dev.collectflow.client;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/**
 * No reminder mails or calls to a client until the end date (inclusive), set by finance or the client's head of
 * sales with a reason. The regulation's deadlines go on. Lifted blocks are kept with who lifted them.
 */
@Entity
public class ReminderBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String clientId;
    private String reason;
    private LocalDate endsOn;
    private String setBy;
    private Instant setAt;
    private String liftedBy;
    private Instant liftedAt;

    protected ReminderBlock() {
    }

    ReminderBlock(String clientId, String reason, LocalDate endsOn, String setBy, Instant setAt) {
        this.clientId = clientId;
        this.reason = reason;
        this.endsOn = endsOn;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    void lift(String actor, Instant now) {
        this.liftedBy = actor;
        this.liftedAt = now;
    }

    /** Whether the block holds on the given day. */
    public boolean holdsOn(LocalDate day) {
        return liftedAt == null && !day.isAfter(endsOn);
    }

    public String getClientId() { return clientId; }
    public String getReason() { return reason; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getSetBy() { return setBy; }
    public Instant getSetAt() { return setAt; }
}
