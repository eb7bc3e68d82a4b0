package dev.collectflow.collection;

import dev.collectflow.invoice.InvoiceRequest;
import dev.collectflow.security.CurrentUser;
import dev.collectflow.system.Groups;
import dev.collectflow.system.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Invoices", description = "Registering invoices; each starts a collection case keyed by its number")
class CaseController {

    private final CollectionCases cases;
    private final CurrentUser currentUser;
    private final CaseAccess access;

    CaseController(CollectionCases cases, CurrentUser currentUser, CaseAccess access) {
        this.cases = cases;
        this.currentUser = currentUser;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an invoice and start its case",
            description = "201 with the case when registered; the same invoice again answers 200 with the same case;"
                    + " other data under a used number is a 409. For finance.")
    @ApiResponse(responseCode = "201", description = "Registered; the case has started")
    @ApiResponse(responseCode = "200", description = "Registered before with the same data; the same case")
    ResponseEntity<CaseView> register(@Valid @RequestBody InvoiceRequest request) {
        String actor = currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN).id();
        CollectionCases.Intake intake = cases.registerAndView(request.data(), actor);
        CaseView view = intake.view().orElseGet(() -> cases.view(request.number()));
        return intake.registration().created()
                ? ResponseEntity.created(URI.create("/api/invoices/" + request.number())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{number}")
    @Operation(summary = "The case of an invoice: status, stage, amounts, days overdue, open tasks and history")
    CaseView get(@PathVariable @Pattern(regexp = Ids.INVOICE_NUMBER, message = Ids.MESSAGE) String number) {
        CaseFacts facts = cases.facts(number);
        access.requireCase(currentUser.get(), facts);
        return cases.view(facts);
    }
}
