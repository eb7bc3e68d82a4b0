package dev.collectflow.client;

import dev.collectflow.security.CurrentUser;
import dev.collectflow.system.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "The company's clients and the sales managers who own them")
class ClientController {

    private final ClientService clients;
    private final CurrentUser currentUser;
    private final ClientAccess access;

    ClientController(ClientService clients, CurrentUser currentUser, ClientAccess access) {
        this.clients = clients;
        this.currentUser = currentUser;
        this.access = access;
    }

    @PutMapping(path = "/{clientId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update a client",
            description = "201 when created, 200 when updated. The owner must be a member of the sales group."
                    + " For finance; heads of sales for their team's clients and clients without owner.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated")
    ResponseEntity<ClientResponse> put(
            @PathVariable @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId,
            @Valid @RequestBody ClientRequest request) {
        access.requireClientChange(currentUser.get(), clients.find(clientId).orElse(null), request.details().owner());
        ClientService.Saved saved = clients.save(clientId, request.details(), currentUser.id());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ClientResponse.of(saved.client()));
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "Read a client")
    ClientResponse get(@PathVariable @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId) {
        Client client = clients.get(clientId);
        access.requireClient(currentUser.get(), client);
        return ClientResponse.of(client);
    }

    record ClientResponse(String id, String name, String email, String phone, String contactPerson, String owner,
                          boolean keyClient, String language) {
        static ClientResponse of(Client client) {
            ClientDetails d = client.details();
            return new ClientResponse(client.getId(), d.name(), d.email(), d.phone(), d.contactPerson(), d.owner(),
                    d.keyClient(), d.language());
        }
    }
}
