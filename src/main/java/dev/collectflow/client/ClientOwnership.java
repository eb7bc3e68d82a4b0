package dev.collectflow.client;

import dev.collectflow.system.Validity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** Who owned a client from one day (inclusive) to another (exclusive), in the company's time zone. */
@Entity
public class ClientOwnership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String clientId;
    /** The owning sales manager, or null while nobody owned the client. */
    private String owner;
    private LocalDate validFrom;
    private LocalDate validTo;
    private Instant changedAt;

    protected ClientOwnership() {
    }

    ClientOwnership(String clientId, String owner, LocalDate validFrom, Instant changedAt) {
        this.clientId = clientId;
        this.owner = owner;
        this.validFrom = validFrom;
        this.validTo = Validity.STILL;
        this.changedAt = changedAt;
    }

    void end(LocalDate day) {
        validTo = day;
    }

    void replaceOwner(String owner, Instant changedAt) {
        this.owner = owner;
        this.changedAt = changedAt;
    }

    public String getClientId() { return clientId; }
    public String getOwner() { return owner; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public Instant getChangedAt() { return changedAt; }
}
