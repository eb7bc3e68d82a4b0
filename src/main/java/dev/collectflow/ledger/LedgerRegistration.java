package dev.collectflow.ledger;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceRepository;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.system.Money;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Registers one line of a ledger file the way the API registers an invoice: an open invoice starts its case
 * ({@link CollectionCases#register}), a settled one becomes closed history without a case. Everything that can
 * refuse the line is checked before anything is written, so a refused line leaves nothing behind.
 */
@Service
class LedgerRegistration {

    enum Outcome { IMPORTED, DUPLICATE }

    private final InvoiceRepository invoiceRecords;
    private final InvoiceService invoices;
    private final ClientRepository clientRecords;
    private final ClientService clients;
    private final CollectionCases cases;
    private final AuditTrail audit;

    LedgerRegistration(InvoiceRepository invoiceRecords, InvoiceService invoices, ClientRepository clientRecords,
                       ClientService clients, CollectionCases cases, AuditTrail audit) {
        this.invoiceRecords = invoiceRecords;
        this.invoices = invoices;
        this.clientRecords = clientRecords;
        this.clients = clients;
        this.cases = cases;
        this.audit = audit;
    }

    Outcome register(LedgerLine line, boolean createClients, String actor) {
        Optional<Invoice> existing = invoiceRecords.findById(line.invoice().number());
        if (existing.isPresent()) {
            if (existing.get().data().sameAs(line.invoice())) {
                return Outcome.DUPLICATE;
            }
            throw new LineRejected("number " + line.invoice().number() + " is already registered with other data");
        }
        String clientId = line.invoice().clientId();
        if (!clientRecords.existsById(clientId)) {
            if (!createClients) {
                throw new LineRejected("clientId '" + clientId + "' is not a known client (register it first, or"
                        + " set createClients in the mapping)");
            }
            clients.save(clientId, new ClientDetails(line.clientName() != null ? line.clientName() : clientId,
                    null, null, null, null, false, "en"));
        }
        if (line.settlement() == null) {
            cases.register(line.invoice(), actor);
        } else {
            invoices.registerHistory(line.invoice(), line.settlement());
            audit.record(line.invoice().number(), CaseEventType.REGISTERED, actor, "Imported as history: "
                    + Money.format(line.settlement().settledAmount(), line.invoice().currency()) + " of "
                    + Money.format(line.invoice().amount(), line.invoice().currency()) + " settled on "
                    + line.settlement().settledOn() + (line.settlement().disputed() ? ", disputed" : ""));
        }
        return Outcome.IMPORTED;
    }
}
