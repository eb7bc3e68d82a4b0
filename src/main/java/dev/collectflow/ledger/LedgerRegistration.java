package dev.collectflow.ledger;

import dev.collectflow.audit.AuditTrail;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.client.ClientRepository;
import dev.collectflow.client.ClientService;
import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.HistoryInvoice;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceRepository;
import dev.collectflow.invoice.InvoiceService;
import dev.collectflow.system.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Registers the lines of a ledger file the way the API registers invoices: an open invoice starts its case
 * ({@link CollectionCases#register}), a settled one becomes closed history without a case (many at once). Everything
 * that can refuse a line is checked before anything is written, so a refused line leaves nothing behind.
 */
@Service
class LedgerRegistration {

    enum Outcome { IMPORTED, DUPLICATE }

    /** What became of a line: an outcome, or the reason it was rejected. */
    record Result(int line, Outcome outcome, String rejection) {
        static Result rejected(int line, String reason) {
            return new Result(line, null, reason);
        }
    }

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

    List<Result> register(List<LedgerLine> lines, boolean createClients, String actor) {
        Map<String, InvoiceData> known = new HashMap<>();
        invoiceRecords.findAllById(lines.stream().map(l -> l.invoice().number()).distinct().toList())
                .forEach(invoice -> known.put(invoice.getNumber(), invoice.data()));
        Set<String> knownClients = new HashSet<>();
        clientRecords.findAllById(lines.stream().map(l -> l.invoice().clientId()).distinct().toList())
                .forEach(client -> knownClients.add(client.getId()));
        List<Result> results = new ArrayList<>();
        List<HistoryInvoice> history = new ArrayList<>();
        List<Integer> historyLines = new ArrayList<>();
        for (LedgerLine line : lines) {
            InvoiceData invoice = line.invoice();
            InvoiceData earlier = known.get(invoice.number());
            if (earlier != null) {
                results.add(earlier.sameAs(invoice) ? new Result(line.number(), Outcome.DUPLICATE, null)
                        : Result.rejected(line.number(), "number " + invoice.number()
                                + " is already registered with other data"));
                continue;
            }
            if (!knownClients.contains(invoice.clientId())) {
                if (!createClients) {
                    results.add(Result.rejected(line.number(), "clientId '" + invoice.clientId() + "' is not a known"
                            + " client (register it first, or set createClients in the mapping)"));
                    continue;
                }
                clients.save(invoice.clientId(), new ClientDetails(line.clientName() != null ? line.clientName()
                        : invoice.clientId(), null, null, null, null, false, "en"));
                knownClients.add(invoice.clientId());
            }
            known.put(invoice.number(), invoice);
            if (line.settlement() == null) {
                cases.register(invoice, actor);
                results.add(new Result(line.number(), Outcome.IMPORTED, null));
            } else {
                history.add(new HistoryInvoice(invoice, line.settlement()));
                historyLines.add(line.number());
            }
        }
        if (!history.isEmpty()) {
            invoices.registerHistory(history);
            history.forEach(h -> audit.record(h.invoice().number(), CaseEventType.REGISTERED, actor,
                    "Imported as history: " + Money.format(h.settlement().settledAmount(), h.invoice().currency())
                            + " of " + Money.format(h.invoice().amount(), h.invoice().currency()) + " settled on "
                            + h.settlement().settledOn() + (h.settlement().disputed() ? ", disputed" : "")));
            historyLines.forEach(number -> results.add(new Result(number, Outcome.IMPORTED, null)));
        }
        return results;
    }
}
