package dev.collectflow.ledger;

import static dev.collectflow.ledger.RegisterInvoiceProcess.Variables.*;

import dev.collectflow.client.ClientRepository;
import dev.collectflow.collection.StartFormCheck;
import dev.collectflow.invoice.Invoice;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.invoice.InvoiceRepository;
import dev.collectflow.invoice.InvoiceRequest;
import dev.collectflow.system.Violation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The invoice entered in Tasklist's start form, checked exactly as {@code POST /api/invoices} checks its body: the
 * same bean validation of {@link InvoiceRequest}, then the ledger's rules (known client, due date not before the
 * issue date, a used number only with the same data). Answers every problem at once, each naming its field.
 */
@Component
class InvoiceForm implements StartFormCheck {

    static final Set<String> FIELDS = Set.of(NUMBER, CLIENT_ID, AMOUNT, CURRENCY, ISSUE_DATE, DUE_DATE);

    private final Validator validator;
    private final ClientRepository clients;
    private final InvoiceRepository invoices;

    InvoiceForm(Validator validator, ClientRepository clients, InvoiceRepository invoices) {
        this.validator = validator;
        this.clients = clients;
        this.invoices = invoices;
    }

    record Checked(InvoiceData invoice, List<Violation> violations) {
    }

    @Override
    public String processDefinitionKey() {
        return RegisterInvoiceProcess.KEY;
    }

    @Override
    public List<Violation> check(Map<String, Object> variables) {
        return read(variables).violations();
    }

    /** The invoice the form describes, or every problem with it. */
    Checked read(Map<String, Object> variables) {
        List<Violation> violations = new ArrayList<>();
        variables.keySet().stream().filter(name -> !FIELDS.contains(name)).sorted()
                .forEach(name -> violations.add(new Violation(name, "is not a field of this form")));
        BigDecimal amount = null;
        Object amountValue = variables.get(AMOUNT);
        if (amountValue != null && !amountValue.toString().isBlank()) {
            try {
                amount = new BigDecimal(amountValue.toString().strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation(AMOUNT, "must be a number like 1250.00"));
            }
        }
        LocalDate issueDate = date(variables, ISSUE_DATE, violations);
        LocalDate dueDate = date(variables, DUE_DATE, violations);
        InvoiceRequest request = new InvoiceRequest(text(variables, NUMBER), text(variables, CLIENT_ID), amount,
                text(variables, CURRENCY), issueDate, dueDate);
        validator.validate(request).stream()
                .filter(v -> violations.stream().noneMatch(known -> known.field().equals(v.getPropertyPath().toString())))
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .forEach(violations::add);
        if (violations.isEmpty()) {
            InvoiceData invoice = request.data();
            if (!clients.existsById(invoice.clientId())) {
                violations.add(new Violation(CLIENT_ID, "client " + invoice.clientId() + " does not exist"));
            }
            if (invoice.dueDate().isBefore(invoice.issueDate())) {
                violations.add(new Violation(DUE_DATE, "must not be before issueDate"));
            }
            Optional<Invoice> existing = invoices.findById(invoice.number());
            if (existing.isPresent() && !existing.get().data().sameAs(invoice)) {
                violations.add(new Violation(NUMBER, "invoice " + invoice.number() + " is already registered with other data"));
            }
            if (violations.isEmpty()) {
                return new Checked(invoice, List.of());
            }
        }
        violations.sort(Comparator.comparing(Violation::field));
        return new Checked(null, List.copyOf(violations));
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static LocalDate date(Map<String, Object> variables, String name, List<Violation> violations) {
        String value = text(variables, name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be a date like 2026-12-31"));
            return null;
        }
    }

    static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
