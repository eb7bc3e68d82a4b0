package dev.collectflow.client;

import dev.collectflow.system.Validity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owned which client when, so an invoice stays with the manager who owned its client when it fell due. A change
 * takes effect from the day it is made (company time zone); the first owner of a client counts since ever, so
 * invoices imported as history belong to the owner the client had when it was created.
 */
@Service
public class OwnershipHistory {

    private final ClientOwnershipRepository periods;
    private final Clock clock;
    private final ZoneId zone;

    public OwnershipHistory(ClientOwnershipRepository periods, Clock clock, @Value("${collectflow.time-zone}") ZoneId zone) {
        this.periods = periods;
        this.clock = clock;
        this.zone = zone;
    }

    /** Records the client's owner as of today; nothing changes when the owner stays the same. */
    @Transactional
    public void record(String clientId, String owner) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        ClientOwnership current = periods.findByClientIdAndValidTo(clientId, Validity.STILL).orElse(null);
        if (current == null) {
            periods.save(new ClientOwnership(clientId, owner, Validity.SINCE_EVER, clock.instant()));
        } else if (!Objects.equals(current.getOwner(), owner)) {
            if (current.getValidFrom().equals(today)) {
                current.replaceOwner(owner, clock.instant()); // a second change on the same day: the last one holds
            } else {
                current.end(today);
                periods.save(new ClientOwnership(clientId, owner, today, clock.instant()));
            }
        }
    }

    @Transactional(readOnly = true)
    public List<ClientOwnership> of(String clientId) {
        return periods.findByClientIdOrderByValidFrom(clientId);
    }

    /** Whether the user ever owned a client. */
    @Transactional(readOnly = true)
    public boolean everOwned(String userId) {
        return periods.existsByOwner(userId);
    }
}
