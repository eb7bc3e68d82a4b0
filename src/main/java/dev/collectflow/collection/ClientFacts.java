package dev.collectflow.collection;

import dev.collectflow.client.Client;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.system.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the regulation's gateways ask of a client, read from the domain when the case reaches the gateway: a client
 * made a key client after its invoice fell due still needs management before a lawsuit.
 */
@Component("clientFacts")
public class ClientFacts {

    private final ClientRepository clients;

    public ClientFacts(ClientRepository clients) {
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public boolean isKeyClient(String clientId) {
        return clients.findById(clientId).map(Client::isKeyClient)
                .orElseThrow(() -> new NotFoundException("client", clientId));
    }
}
