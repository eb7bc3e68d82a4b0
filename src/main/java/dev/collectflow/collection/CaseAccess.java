package dev.collectflow.collection;

import static dev.collectflow.system.Groups.*;

import dev.collectflow.client.ClientAccess;
import dev.collectflow.security.ApiUser;
import dev.collectflow.system.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * Who may read which case through the API, by the same rules Tasklist applies: finance, management and operators
 * every case; the client's sales manager and their head of sales; legal the cases handed to legal.
 */
@Service
public class CaseAccess {

    private final ClientAccess clients;

    public CaseAccess(ClientAccess clients) {
        this.clients = clients;
    }

    public void requireCase(ApiUser user, CaseFacts facts) {
        boolean allowed = user.isIn(FINANCE, MANAGEMENT, ADMIN)
                || clients.ownsOrLeads(user, facts.owner())
                || user.isIn(LEGAL) && facts.handedToLegal();
        if (!allowed) {
            throw new ForbiddenException("You may not see the case of invoice " + facts.invoiceNumber());
        }
    }
}
