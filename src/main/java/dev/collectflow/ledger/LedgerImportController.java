package dev.collectflow.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.security.CurrentUser;
import dev.collectflow.system.Groups;
import dev.collectflow.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/invoices/import")
@Tag(name = "Ledger import", description = "Invoices from a CSV export of the ledger, as open cases or closed history")
class LedgerImportController {

    /** Imports are named by random UUIDs. */
    private static final String IMPORT_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final LedgerImports imports;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    LedgerImportController(LedgerImports imports, CurrentUser currentUser, ObjectMapper json) {
        this.imports = imports;
        this.currentUser = currentUser;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file of invoices",
            description = "Multipart: file (CSV with a header, one invoice a line) and optionally mapping (JSON: mode"
                    + " OPEN or HISTORY, columns {field: header}, dateFormat, decimalSeparator, groupingSeparator,"
                    + " delimiter, charset, currency, createClients). 200 with the report when done; 202 with the"
                    + " report and a Location to poll when the file runs in the background. Each rejected line is"
                    + " reported with its number and reason; the same invoice again counts as a duplicate. For finance.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = Upload.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Imported; the report is complete",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = ImportReport.class))),
                @ApiResponse(responseCode = "202", description = "Importing in the background; poll the Location",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = ImportReport.class)))})
    ResponseEntity<ImportReport> importFile(
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "JSON, see the description") @RequestParam(value = "mapping", required = false)
            String mapping) throws IOException {
        String actor = currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN).id();
        ImportReport report = imports.start(file.getBytes(), file.getOriginalFilename(), mapping(mapping), actor);
        return report.state().equals(LedgerImport.State.RUNNING.name())
                ? ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/invoices/import/" + report.id()))
                        .body(report)
                : ResponseEntity.ok(report);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and report of an import")
    ImportReport report(@PathVariable @Pattern(regexp = IMPORT_ID, message = "must be an import id as answered"
            + " by POST /api/invoices/import") String id) {
        currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN);
        return imports.report(id);
    }

    @GetMapping("/recent")
    @Operation(summary = "The ten latest imports with their progress (without the rejected lines)")
    List<ImportReport> recent() {
        currentUser.requireGroup(Groups.FINANCE, Groups.ADMIN);
        return imports.recent();
    }

    /** The parts of an import request, as the API documentation shows them. */
    @Schema(requiredProperties = "file")
    record Upload(@Schema(type = "string", format = "binary", description = "CSV with a header line") String file,
                  @Schema(description = "JSON ImportMapping (see the description); optional") String mapping) {
    }

    private ImportMapping mapping(String text) {
        if (text == null || text.isBlank()) {
            return ImportMapping.defaults();
        }
        try {
            return json.readValue(text, ImportMapping.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("mapping", "is not a JSON mapping of the expected shape: "
                    + e.getOriginalMessage());
        }
    }
}
