package dev.collectflow.ledger;

import static dev.collectflow.ledger.RegisterInvoiceProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEvent;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.collection.InvoiceCollectionProcess;
import dev.collectflow.invoice.InvoiceRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * "Register invoice" from Tasklist's start form, as Tasklist and integrations submit it over REST: registered in
 * the domain as over POST /api/invoices (same checks, same idempotency), bad input refused with a message naming
 * each field. Between them the tests walk every sequence flow of bpmn/RegisterInvoiceProcess.bpmn.
 */
class RegisterInvoiceProcessIT extends CollectionTestSupport {

    private static final String SUBMIT = "/engine-rest/process-definition/key/RegisterInvoiceProcess/submit-form";

    @Autowired TestRestTemplate http;
    @Autowired HistoryService history;
    @Autowired InvoiceRepository invoiceRecords;

    private ResponseEntity<JsonNode> submit(String user, Map<String, String> fields) {
        StringBuilder variables = new StringBuilder();
        fields.forEach((name, value) -> variables.append(variables.isEmpty() ? "" : ",")
                .append('"').append(name).append("\": {\"value\": \"").append(value).append("\", \"type\": \"String\"}"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").postForEntity(SUBMIT,
                new HttpEntity<>("{\"variables\": {" + variables + "}}", headers), JsonNode.class);
    }

    private static Map<String, String> invoice(String number, String clientId, String amount) {
        return Map.of("number", number, "clientId", clientId, "amount", amount, "currency", "EUR",
                "issueDate", "2027-01-04", "dueDate", "2027-02-03");
    }

    private List<String> passed(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void financeRegistersAnInvoiceFromTheStartFormAndItsCaseStarts() {
        String clientId = client("mia", false);
        String number = newInvoiceNumber();

        ResponseEntity<JsonNode> started = submit("fred", invoice(number, clientId, "1250.50"));

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        // Flow_ToRegisterInvoice, Flow_ToAlreadyRegistered, Flow_NewInvoice
        assertThat(passed(started.getBody().get("id").asText())).containsExactly(START_INVOICE_ENTERED,
                REGISTER_INVOICE, "Gateway_AlreadyRegistered", END_INVOICE_REGISTERED);
        assertThat(invoices.get(number).getAmount()).isEqualByComparingTo("1250.50");
        assertThat(cases.instance(number)).isPresent();
        CaseEvent registered = audit.of(number).get(0);
        assertThat(registered.getType()).isEqualTo(CaseEventType.REGISTERED);
        assertThat(registered.getActor()).isEqualTo("fred");

        // the same invoice again, as POST /api/invoices would accept it: nothing new (Flow_AlreadyRegistered)
        ResponseEntity<JsonNode> again = submit("fred", invoice(number, clientId, "1250.50"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(passed(again.getBody().get("id").asText())).containsExactly(START_INVOICE_ENTERED,
                REGISTER_INVOICE, "Gateway_AlreadyRegistered", END_ALREADY_REGISTERED);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionProcess.KEY)
                .processInstanceBusinessKey(number).count()).as("one case, beside it its pressure scale").isEqualTo(1);
        assertThat(audit.of(number)).filteredOn(e -> e.getType() == CaseEventType.REGISTERED).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithAMessageNamingEachFieldAndNothingStarts() {
        String clientId = client("mia", false);
        String number = newInvoiceNumber();
        long instancesBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(RegisterInvoiceProcess.KEY).count();

        ResponseEntity<JsonNode> refused = submit("fred", Map.of("number", number, "clientId", "nobody-" + number,
                "amount", "12.345", "currency", "EURO", "issueDate", "2027-01-04", "dueDate", "3.2.2027"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("amount", "currency", "dueDate");
        assertThat(refused.getBody().get("message").asText()).startsWith("Cannot start RegisterInvoiceProcess: amount ");

        ResponseEntity<JsonNode> dates = submit("fred", Map.of("number", number, "clientId", clientId,
                "amount", "10.00", "currency", "EUR", "issueDate", "2027-01-04", "dueDate", "2027-01-01"));
        assertThat(dates.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(dates.getBody().get("errors").findValuesAsText("message"))
                .containsExactly("must not be before issueDate 2027-01-04");
        ResponseEntity<JsonNode> unknownClient = submit("fred", Map.of("number", number, "clientId", "nobody-" + number,
                "amount", "10.00", "currency", "EUR", "issueDate", "2027-01-04", "dueDate", "2027-02-03"));
        assertThat(unknownClient.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownClient.getBody().get("errors").findValuesAsText("message"))
                .containsExactly("client nobody-" + number + " does not exist");

        submit("fred", invoice(number, clientId, "100.00"));
        ResponseEntity<JsonNode> otherData = submit("fred", invoice(number, clientId, "999.00"));
        assertThat(otherData.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherData.getBody().get("errors").get(0).get("field").asText()).isEqualTo("number");

        assertThat(invoices.get(number).getAmount()).isEqualByComparingTo("100.00");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(RegisterInvoiceProcess.KEY).count())
                .isEqualTo(instancesBefore + 1);
    }

    @Test
    void onlyFinanceMayRegisterAndTheServiceStepChecksWhateverStartsIt() {
        String clientId = client("mia", false);
        String number = newInvoiceNumber();

        // the engine does not even show the definition to sales: nobody outside finance can start it
        assertThat(submit("mia", invoice(number, clientId, "10.00")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(invoiceRecords.existsById(number)).isFalse();

        // started without the REST guard (Java API): the service step refuses the same way, and nothing is left
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RegisterInvoiceProcess.KEY,
                Map.of("number", number, "clientId", clientId, "amount", "-1", "currency", "EUR",
                        "issueDate", "2027-01-04", "dueDate", "2027-02-03")))
                .hasMessageContaining("amount: must be greater than 0");
        assertThat(invoiceRecords.existsById(number)).isFalse();
    }
}
