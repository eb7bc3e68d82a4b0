package dev.collectflow.client;

import dev.collectflow.staff.SalesTeams;
import dev.collectflow.system.InvalidInputException;
import dev.collectflow.system.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ClientService {

    private final ClientRepository clients;
    private final SalesTeams salesTeams;
    private final OwnershipHistory ownership;
    private final Clock clock;

    public ClientService(ClientRepository clients, SalesTeams salesTeams, OwnershipHistory ownership, Clock clock) {
        this.clients = clients;
        this.salesTeams = salesTeams;
        this.ownership = ownership;
        this.clock = clock;
    }

    /** Creates the client or replaces its details; answers whether it was created. */
    @Transactional
    public Saved save(String id, ClientDetails details) {
        requireSalesManager("owner", details.owner());
        Client client = clients.findById(id).orElse(null);
        boolean created = client == null;
        if (created) {
            client = new Client(id, clock.instant());
        }
        client.update(details, clock.instant());
        Saved saved = new Saved(clients.save(client), created);
        ownership.record(id, details.owner());
        return saved;
    }

    @Transactional
    public Client assignOwner(String id, String owner) {
        requireSalesManager("owner", owner);
        Client client = get(id);
        client.assignOwner(owner, clock.instant());
        ownership.record(id, owner);
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

    private void requireSalesManager(String field, String userId) {
        if (userId != null && !salesTeams.isSalesManager(userId)) {
            throw new InvalidInputException(field, "user " + userId + " is not a sales manager");
        }
    }

    public record Saved(Client client, boolean created) {
    }
}
