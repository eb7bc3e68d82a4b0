package dev.collectflow.security;

import static dev.collectflow.system.Groups.*;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.Client;
import dev.collectflow.collection.CaseFacts;
import dev.collectflow.sales.SalesTeams;
import org.springframework.stereotype.Service;

/**
 * Who may read which client and case through the API, by the same rules Tasklist applies: finance, management and
 * operators everything; a sales manager their own clients; a head of sales their team's clients and clients without
 * owner; legal the cases handed to legal.
 */
@Service
public class Access {

    private final SalesTeams teams;
    private final AuditTrail audit;

    public Access(SalesTeams teams, AuditTrail audit) {
        this.teams = teams;
        this.audit = audit;
    }

    public void requireCase(ApiUser user, CaseFacts facts) {
        boolean allowed = user.isIn(FINANCE, MANAGEMENT, ADMIN)
                || ownsOrLeads(user, facts.owner())
                || user.isIn(LEGAL) && audit.of(facts.invoiceNumber()).stream()
                        .anyMatch(e -> e.getType() == CaseEventType.HANDED_TO_LEGAL);
        if (!allowed) {
            throw new ForbiddenException("You may not see the case of invoice " + facts.invoiceNumber());
        }
    }

    public void requireClient(ApiUser user, Client client) {
        if (!(user.isIn(FINANCE, MANAGEMENT, LEGAL, ADMIN) || ownsOrLeads(user, client.getOwner()))) {
            throw new ForbiddenException("You may not see client " + client.getId());
        }
    }

    /** Finance maintains every client; a head of sales their team's clients, clients without owner and new ones. */
    public void requireClientChange(ApiUser user, Client existing, String newOwner) {
        if (user.isIn(FINANCE, ADMIN)) {
            return;
        }
        boolean headOfSales = user.isIn(SALES_HEADS);
        boolean mayTouch = existing == null || existing.getOwner() == null
                || teams.headsOf(existing.getOwner()).contains(user.id());
        boolean mayAssign = newOwner == null || teams.headsOf(newOwner).contains(user.id());
        if (!(headOfSales && mayTouch && mayAssign)) {
            throw new ForbiddenException("Only finance, or the client's head of sales for their own team, may change"
                    + " this client");
        }
    }

    private boolean ownsOrLeads(ApiUser user, String owner) {
        if (user.isIn(SALES) && user.id().equals(owner)) {
            return true;
        }
        return user.isIn(SALES_HEADS) && (owner == null || teams.headsOf(owner).contains(user.id()));
    }
}
