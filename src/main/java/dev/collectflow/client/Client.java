package dev.collectflow.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer of the company; its owner is the sales manager who negotiates its overdue invoices. */
@Entity
public class Client {

    @Id
    private String id;
    private String name;
    private String email;
    private String phone;
    private String contactPerson;
    /** Camunda user id of the owning sales manager, or null while nobody owns the client. */
    private String owner;
    @Column(name = "key_client")
    private boolean keyClient;
    private String language;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Client() {
    }

    public Client(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(ClientDetails details, Instant now) {
        this.name = details.name();
        this.email = details.email();
        this.phone = details.phone();
        this.contactPerson = details.contactPerson();
        this.owner = details.owner();
        this.keyClient = details.keyClient();
        this.language = details.language();
        this.updatedAt = now;
    }

    public void assignOwner(String owner, Instant now) {
        this.owner = owner;
        this.updatedAt = now;
    }

    public ClientDetails details() {
        return new ClientDetails(name, email, phone, contactPerson, owner, keyClient, language);
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getOwner() { return owner; }
    public boolean isKeyClient() { return keyClient; }
    public String getLanguage() { return language; }
    public Instant getUpdatedAt() { return updatedAt; }
}
