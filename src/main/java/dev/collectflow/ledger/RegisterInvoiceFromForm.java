package dev.collectflow.ledger;

import static dev.collectflow.ledger.RegisterInvoiceProcess.Variables.*;

import dev.collectflow.collection.CollectionCases;
import dev.collectflow.invoice.InvoiceService.Registration;
import dev.collectflow.system.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register invoice": the invoice from the start form, checked by {@link InvoiceForm} and registered by
 * {@link CollectionCases#register} as over the API; refuses bad input, so nothing is started for it.
 */
@Component("registerInvoiceFromForm")
class RegisterInvoiceFromForm implements JavaDelegate {

    private final InvoiceForm form;
    private final CollectionCases cases;

    RegisterInvoiceFromForm(InvoiceForm form, CollectionCases cases) {
        this.form = form;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> fields = new HashMap<>();
        InvoiceForm.FIELDS.forEach(name -> fields.put(name, execution.getVariable(name)));
        InvoiceForm.Checked checked = form.read(fields);
        if (!checked.violations().isEmpty()) {
            throw new InvalidInputException(checked.violations());
        }
        Registration registration = cases.register(checked.invoice(), (String) execution.getVariable(REGISTERED_BY));
        execution.setVariable(ALREADY_REGISTERED, !registration.created());
    }
}
