package dev.collectflow.ledger;

import static dev.collectflow.ledger.RegisterInvoiceProcess.Activities.*;
import static dev.collectflow.ledger.RegisterInvoiceProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.processtest.ProcessTestCase;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** "Register invoice" as drawn in bpmn/RegisterInvoiceProcess.bpmn: a new invoice, and the same invoice again. */
class RegisterInvoiceProcessTest extends ProcessTestCase {

    private static final Map<String, Object> FORM = Map.of(NUMBER, "INV-7", CLIENT_ID, "acme", AMOUNT, "1250.00",
            CURRENCY, "EUR", ISSUE_DATE, "2027-01-04", DUE_DATE, "2027-02-03");

    private ProcessInstance start(boolean alreadyRegistered) {
        glue("registerInvoiceFromForm").does(execution -> execution.setVariable(ALREADY_REGISTERED, alreadyRegistered));
        return engine.getRuntimeService().startProcessInstanceByKey(RegisterInvoiceProcess.KEY, FORM);
    }

    @Test
    void aNewInvoiceIsRegisteredAndItsCaseStarts() {
        ProcessInstance instance = start(false);

        assertThat(instance).hasPassedInOrder(START_INVOICE_ENTERED, REGISTER_INVOICE, END_INVOICE_REGISTERED)
                .isEnded();
        assertThat(glue("registerInvoiceFromForm").calls()).containsExactly(REGISTER_INVOICE);
    }

    @Test
    void theSameInvoiceAgainStartsNothingNew() {
        ProcessInstance instance = start(true);

        assertThat(instance).hasPassed(REGISTER_INVOICE, END_ALREADY_REGISTERED).hasNotPassed(END_INVOICE_REGISTERED)
                .isEnded();
    }

    @Test
    void theStartFormIsDeployedWithTheProcessAndAsksForTheInvoice() throws Exception {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(RegisterInvoiceProcess.KEY).latestVersion().singleResult();
        try (InputStream form = engine.getFormService().getDeployedStartForm(definition.getId())) {
            String keys = new ObjectMapper().readTree(form).findValuesAsText("key").toString();
            assertThat(keys).contains(NUMBER, CLIENT_ID, AMOUNT, CURRENCY, ISSUE_DATE, DUE_DATE);
        }
    }
}
