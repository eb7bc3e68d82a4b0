package dev.collectflow.client;

/** What the company knows about a client, as set through the API. */
public record ClientDetails(
        String name,
        String email,
        String phone,
        String contactPerson,
        String owner,
        boolean keyClient,
        String language) {
}
