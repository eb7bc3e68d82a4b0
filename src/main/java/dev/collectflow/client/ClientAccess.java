package dev.collectflow.client;

import static dev.collectflow.system.Groups.*;

import dev.collectflow.security.ApiUser;
import dev.collectflow.staff.SalesTeams;
import dev.collectflow.system.ForbiddenException;
import org.springframework.stereotype.Service;

/**
 * Who may read and change which client through the API, by the same rules Tasklist applies: finance, management,
 * legal and operators read every client; a sales manager their own clients; a head of sales their team's clients
 * and clients without owner.
 */
@Service
public class ClientAccess {

    private final SalesTeams teams;

    public ClientAccess(SalesTeams teams) {
        this.teams = teams;
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

    /** Reminder blocks are for finance and the client's head of sales (heads of sales also for owner-less clients). */
    public void requireReminderBlockChange(ApiUser user, Client client) {
        boolean head = user.isIn(SALES_HEADS)
                && (client.getOwner() == null || teams.headsOf(client.getOwner()).contains(user.id()));
        if (!(user.isIn(FINANCE, ADMIN) || head)) {
            throw new ForbiddenException("Only finance, or the client's head of sales, may block or unblock reminders"
                    + " to client " + client.getId());
        }
    }

    /** Whether the user is the owner of a client with this owner, or heads the owner's team (or it has no owner). */
    public boolean ownsOrLeads(ApiUser user, String owner) {
        if (user.isIn(SALES) && user.id().equals(owner)) {
            return true;
        }
        return user.isIn(SALES_HEADS) && (owner == null || teams.headsOf(owner).contains(user.id()));
    }
}
