package dev.collectflow.client;

import dev.collectflow.security.CurrentUser;
import dev.collectflow.system.Ids;
import dev.collectflow.system.NotFoundException;
import dev.collectflow.system.PlainTextOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "The company's clients and the sales managers who own them")
class ClientController {

    private final ClientService clients;
    private final CurrentUser currentUser;
    private final ClientAccess access;
    private final ReminderBlocks blocks;

    ClientController(ClientService clients, CurrentUser currentUser, ClientAccess access, ReminderBlocks blocks) {
        this.clients = clients;
        this.currentUser = currentUser;
        this.access = access;
        this.blocks = blocks;
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

    @PutMapping(path = "/{clientId}/reminder-block", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Block reminder mails and calls to a client until a day",
            description = "Stops the pressure scale's mails and calls to the client until endsOn (inclusive); the"
                    + " regulation's deadlines go on. Replaces an earlier block. For finance and the client's head of"
                    + " sales.")
    ReminderBlockResponse block(@PathVariable @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId,
                                @Valid @RequestBody ReminderBlockRequest request) {
        access.requireReminderBlockChange(currentUser.get(), clients.get(clientId));
        return ReminderBlockResponse.of(blocks.set(clientId, request.reason(), request.endsOn(), currentUser.id()));
    }

    @DeleteMapping("/{clientId}/reminder-block")
    @Operation(summary = "Lift a client's reminder block", description = "204; 404 when none holds.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Done")
    ResponseEntity<Void> unblock(@PathVariable @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId) {
        access.requireReminderBlockChange(currentUser.get(), clients.get(clientId));
        if (!blocks.lift(clientId, currentUser.id())) {
            throw new NotFoundException("reminder block of client", clientId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{clientId}/reminder-block")
    @Operation(summary = "The reminder block that holds for a client", description = "404 when none holds.")
    ReminderBlockResponse reminderBlock(@PathVariable @Pattern(regexp = Ids.CLIENT_ID, message = Ids.MESSAGE) String clientId) {
        Client client = clients.get(clientId);
        access.requireClient(currentUser.get(), client);
        return blocks.active(clientId).map(ReminderBlockResponse::of)
                .orElseThrow(() -> new NotFoundException("reminder block of client", clientId));
    }

    record ReminderBlockRequest(@NotBlank @PlainTextOnly @Size(max = 500) String reason, @NotNull LocalDate endsOn) {
    }

    record ReminderBlockResponse(String clientId, String reason, LocalDate endsOn, String setBy, Instant setAt) {
        static ReminderBlockResponse of(ReminderBlock block) {
            return new ReminderBlockResponse(block.getClientId(), block.getReason(), block.getEndsOn(),
                    block.getSetBy(), block.getSetAt());
        }
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
