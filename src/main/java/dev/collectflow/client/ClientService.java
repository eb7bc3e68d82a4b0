package dev.collectflow.client;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.staff.SalesTeams;
import dev.collectflow.system.ConflictException;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the company's clients. Every change is published as {@link ClientChanged} in its transaction, so the
 * client's open cases follow (a new owner takes them over).
 */
@Service
public class ClientService {

    private final ClientRepository clients;
    private final EntityManager entityManager;
    private final SalesTeams salesTeams;
    private final ApplicationEventPublisher events;
    private final OwnershipHistory ownership;
    private final Clock clock;

    public ClientService(ClientRepository clients, EntityManager entityManager, SalesTeams salesTeams,
                         ApplicationEventPublisher events, OwnershipHistory ownership, Clock clock) {
        this.clients = clients;
        this.entityManager = entityManager;
        this.salesTeams = salesTeams;
        this.events = events;
        this.ownership = ownership;
        this.clock = clock;
    }

    /** Creates the client or replaces its details on the system's own account (demo data, imports). */
    @Transactional
    public Saved save(String id, ClientDetails details) {
        return save(id, details, AuditTrail.SYSTEM);
    }

    /** Creates the client or replaces its details; answers whether it was created. */
    @Transactional
    public Saved save(String id, ClientDetails details, String changedBy) {
        requireSalesManager("owner", details.owner());
        Client client = locked(id);
        boolean created = client == null;
        if (created) {
            client = new Client(id, clock.instant());
        }
        String previousOwner = client.getOwner();
        client.update(details, clock.instant());
        Client saved = clients.save(client);
        ownership.record(id, details.owner());
        events.publishEvent(new ClientChanged(id, previousOwner, details.owner(), changedBy));
        return new Saved(saved, created);
    }

    /**
     * Gives a client without owner its owner. Assignments for one client queue up on it: when another assignment
     * got there first with someone else, this one is refused, so a client never ends up with two owners.
     */
    @Transactional
    public Client assignFirstOwner(String id, String owner, String assignedBy) {
        requireSalesManager("owner", owner);
        Client client = locked(id);
        if (client == null) {
            throw new NotFoundException("client", id);
        }
        String previousOwner = client.getOwner();
        if (previousOwner != null && !previousOwner.equals(owner)) {
            throw new ConflictException("owner", "client " + id + " is already owned by " + previousOwner);
        }
        client.assignOwner(owner, clock.instant());
        ownership.record(id, owner);
        events.publishEvent(new ClientChanged(id, previousOwner, owner, assignedBy));
        return client;
    }

    @Transactional(readOnly = true)
    public Optional<Client> find(String id) {
        return clients.findById(id);
    }

    @Transactional(readOnly = true)
    public Client get(String id) {
        return clients.findById(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /** The client read afresh and locked for this transaction, or null if there is none. */
    private Client locked(String id) {
        Client client = entityManager.find(Client.class, id);
        if (client != null) {
            entityManager.refresh(client, LockModeType.PESSIMISTIC_WRITE);
        }
        return client;
    }

    private void requireSalesManager(String field, String userId) {
        if (userId != null && !salesTeams.isSalesManager(userId)) {
            throw new InvalidInputException(field, "user " + userId + " is not a sales manager");
        }
    }

    public record Saved(Client client, boolean created) {
    }
}
