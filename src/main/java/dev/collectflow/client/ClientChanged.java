package dev.collectflow.client;

import java.util.Objects;

/**
 * Published in the transaction that changed a client, so what depends on the client (its open cases) follows:
 * a new owner takes over, what tasks show is brought up to date.
 */
public record ClientChanged(String clientId, String previousOwner, String owner, String changedBy) {

    public boolean ownerChanged() {
        return !Objects.equals(previousOwner, owner);
    }
}
