package dev.collectflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.collection.InvoiceCollectionProcess;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The public interface through real HTTP: /api for clients, invoices and payments, /engine-rest for tasks. */
class CollectionApiIT extends CollectionTestSupport {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;

    /** Finance registers clients, invoices and payments; fred works in finance. */
    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send("fred", method, path, body);
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return get("fred", path);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    private String invoiceJson(String number, String clientId, String amount, String dueDate) {
        return """
                {"number": "%s", "clientId": "%s", "amount": %s, "currency": "EUR",
                 "issueDate": "2026-12-01", "dueDate": "%s"}""".formatted(number, clientId, amount, dueDate);
    }

    private String newClient() {
        String clientId = "api-" + newInvoiceNumber().toLowerCase();
        ResponseEntity<JsonNode> created = send(HttpMethod.PUT, "/api/clients/" + clientId, """
                {"name": "Acme Ltd", "email": "ap@acme.example", "phone": "+49 30 123", "contactPerson": "Alice",
                 "owner": "mia", "keyClient": false, "language": "en"}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return clientId;
    }

    @Test
    void anOverdueInvoiceReachesItsOwnerInTasklistAndPaymentClosesIt() {
        String clientId = newClient();
        String number = newInvoiceNumber();

        ResponseEntity<JsonNode> registered = send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "1250.00", TODAY.minusDays(1).toString()));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/invoices/" + number);
        assertThat(registered.getBody().get("status").asText()).isEqualTo("OPEN");
        ProcessInstance instance = cases.instance(number).orElseThrow();
        runDueJobs(instance); // the due-date timer and the asynchronous notice

        // the sales manager's task list, as Tasklist queries it
        JsonNode mine = get("mia", "/engine-rest/task?assignee=mia&processInstanceBusinessKey=" + number).getBody();
        assertThat(mine).hasSize(1);
        String taskId = mine.get(0).get("id").asText();
        assertThat(mine.get(0).get("name").asText()).isEqualTo("Negotiate payment — " + number + ", Acme Ltd");
        JsonNode form = get("mia", "/engine-rest/task/" + taskId + "/deployed-form").getBody();
        assertThat(form.get("id").asText()).isEqualTo("negotiate-payment");
        JsonNode formVariables = get("mia", "/engine-rest/task/" + taskId + "/form-variables").getBody();
        assertThat(formVariables.get("caseClient").get("value").asText()).isEqualTo("Acme Ltd");
        assertThat(formVariables.get("caseOpenAmount").get("value").asText()).isEqualTo("1,250.00 EUR");
        assertThat(formVariables.get("caseDaysOverdue").get("value").asLong()).isEqualTo(1);
        assertThat(mailedTo(instance, "Overdue")).containsExactly("mia@test.local", "sam@test.local");

        JsonNode overdue = get("/api/invoices/" + number).getBody();
        assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("stage").asText()).isEqualTo("NEGOTIATION");
        assertThat(overdue.get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(overdue.get("openTasks").get(0).get("assignee").asText()).isEqualTo("mia");

        ResponseEntity<JsonNode> paid = send(HttpMethod.POST, "/api/payments", """
                {"paymentId": "BANK-%s", "invoiceNumber": "%s", "amount": 1250.00, "currency": "EUR",
                 "paidOn": "2027-01-11"}""".formatted(number, number));
        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(paid.getBody().get("matched").asBoolean()).isTrue();
        runDueJobs(instance);

        JsonNode closed = get("/api/invoices/" + number).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("PAID");
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("openAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(closed.get("openTasks")).isEmpty();
        assertThat(get("mia", "/engine-rest/task?assignee=mia&processInstanceBusinessKey=" + number).getBody()).isEmpty();
        assertThat(mailedTo(instance, "Paid")).containsExactly("mia@test.local");
    }

    @Test
    void theSameInvoiceTwiceIsAcceptedOnceAndOtherDataUnderItsNumberConflicts() {
        String clientId = newClient();
        String number = newInvoiceNumber();
        String body = invoiceJson(number, clientId, "100.00", "2027-02-01");

        ResponseEntity<JsonNode> first = send(HttpMethod.POST, "/api/invoices", body);
        ResponseEntity<JsonNode> again = send(HttpMethod.POST, "/api/invoices", body.replace("100.00", "100"));
        ResponseEntity<JsonNode> other = send(HttpMethod.POST, "/api/invoices", body.replace("100.00", "200.00"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("number")).isEqualTo(first.getBody().get("number"));
        assertThat(again.getBody().get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertProblem(other, HttpStatus.CONFLICT, "number");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionProcess.KEY)
                .processInstanceBusinessKey(number).count()).isEqualTo(1);
        assertThat(invoices.get(number).getAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void theAnswerToARegistrationIsTheCaseAsReadRightAfterIt() {
        clock.set(START.plusNanos(123_456_789)); // finer than the database keeps time
        String clientId = newClient();
        String number = newInvoiceNumber();

        ResponseEntity<JsonNode> registered = send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "100", TODAY.minusDays(3).toString()));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody()).isEqualTo(get("/api/invoices/" + number).getBody());
        assertThat(registered.getBody().get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(registered.getBody().get("stage").asText()).isEqualTo("NOT_DUE");
        assertThat(registered.getBody().get("history").findValuesAsText("type")).containsExactly("REGISTERED");
    }

    @Test
    void paymentsThatWaitedForTheirInvoiceAreInTheAnswerToItsRegistration() {
        String clientId = newClient();
        for (String paid : List.of("40.00", "100.00")) {
            String number = newInvoiceNumber();
            assertThat(send(HttpMethod.POST, "/api/payments", """
                    {"paymentId": "EARLY-%s", "invoiceNumber": "%s", "amount": %s, "currency": "EUR",
                     "paidOn": "2027-01-08"}""".formatted(number, number, paid)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);

            ResponseEntity<JsonNode> registered = send(HttpMethod.POST, "/api/invoices",
                    invoiceJson(number, clientId, "100.00", TODAY.plusDays(20).toString()));

            assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(registered.getBody()).isEqualTo(get("/api/invoices/" + number).getBody());
            assertThat(registered.getBody().get("openAmount").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("100.00").subtract(new BigDecimal(paid)));
            assertThat(registered.getBody().get("history").findValuesAsText("type")).contains("PAYMENT_RECEIVED");
            assertThat(registered.getBody().get("stage").asText()).isEqualTo(paid.equals("100.00") ? "CLOSED" : "NOT_DUE");
        }
    }

    @Test
    void badInvoicesAreRefusedWithProblemsAndChangeNothing() {
        String clientId = newClient();
        String number = newInvoiceNumber();
        long casesBefore = runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceCollectionProcess.KEY).count();

        assertProblem(send(HttpMethod.POST, "/api/invoices", """
                {"number": "%s", "clientId": "%s", "currency": "EUR", "issueDate": "2026-12-01",
                 "dueDate": "2027-01-01"}""".formatted(number, clientId)), HttpStatus.BAD_REQUEST, "amount");
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "-5.00", "2027-01-01")), HttpStatus.BAD_REQUEST, "amount");
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, "no-such-client", "5.00", "2027-01-01")), HttpStatus.UNPROCESSABLE_ENTITY, "clientId");
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "5.00", "2026-11-01")), HttpStatus.BAD_REQUEST, "dueDate");
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "5.00", "31.01.2027")), HttpStatus.BAD_REQUEST, "dueDate");
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson(number, clientId, "5.00", "2027-01-01").replace("EUR", "EURO")), HttpStatus.BAD_REQUEST, "currency");
        assertProblem(send(HttpMethod.POST, "/api/invoices", "{\"number\": \"" + number + "\", "),
                HttpStatus.BAD_REQUEST, null);
        assertProblem(send(HttpMethod.POST, "/api/invoices",
                invoiceJson("INV/2027/1", clientId, "5.00", "2027-01-01")), HttpStatus.BAD_REQUEST, "number");

        assertThat(get("/api/invoices/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceCollectionProcess.KEY).count())
                .isEqualTo(casesBefore);
    }

    @Test
    void badClientsAreRefused() {
        assertProblem(send(HttpMethod.PUT, "/api/clients/" + "x-" + newInvoiceNumber(),
                "{\"name\": \"Acme\", \"owner\": \"lena\"}"), HttpStatus.UNPROCESSABLE_ENTITY, "owner");
        assertProblem(send(HttpMethod.PUT, "/api/clients/bad%20id", "{\"name\": \"Acme\"}"),
                HttpStatus.BAD_REQUEST, "clientId");
        assertProblem(send(HttpMethod.PUT, "/api/clients/ok-" + newInvoiceNumber(),
                "{\"name\": \" \", \"email\": \"not-an-address\"}"), HttpStatus.BAD_REQUEST, "email");
        assertProblem(send(HttpMethod.PUT, "/api/clients/ok-" + newInvoiceNumber(),
                "{\"name\": \"Acme\", \"vatNumber\": \"DE1\"}"), HttpStatus.BAD_REQUEST, "vatNumber");
        assertThat(get("/api/clients/nobody").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void paymentsAreIdempotentAndUnknownInvoicesAreKeptAsUnmatched() {
        String clientId = newClient();
        String number = newInvoiceNumber();
        send(HttpMethod.POST, "/api/invoices", invoiceJson(number, clientId, "500.00", "2027-02-01"));
        String payment = """
                {"paymentId": "PAY-%s", "invoiceNumber": "%s", "amount": 200.00, "currency": "EUR",
                 "paidOn": "2027-01-11"}""".formatted(number, number);

        assertThat(send(HttpMethod.POST, "/api/payments", payment).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> repeated = send(HttpMethod.POST, "/api/payments", payment);
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeated.getBody().get("invoiceOpenAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertProblem(send(HttpMethod.POST, "/api/payments", payment.replace("200.00", "250.00")),
                HttpStatus.CONFLICT, "paymentId");
        assertProblem(send(HttpMethod.POST, "/api/payments", payment.replace("PAY-", "USD-").replace("EUR", "USD")),
                HttpStatus.UNPROCESSABLE_ENTITY, "currency");
        assertThat(invoices.get(number).getOpenAmount()).isEqualByComparingTo("300.00");

        String unknown = "NOPE-" + number;
        ResponseEntity<JsonNode> kept = send(HttpMethod.POST, "/api/payments",
                payment.replace("PAY-", "ORPHAN-").replace("\"invoiceNumber\": \"" + number, "\"invoiceNumber\": \"" + unknown));
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(kept.getBody().get("matched").asBoolean()).isFalse();
        assertThat(get("/api/payments/unmatched").getBody().findValuesAsText("invoiceNumber")).contains(unknown);
    }

    @Test
    void aTaskCompletedOverEngineRestIsCheckedLikeItsForm() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String taskId = openTask(instance).getId();

        ResponseEntity<JsonNode> refused = send("mia", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "promisedDate": {"value": "2020-01-01", "type": "String"}}}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("promisedDate must not be in the past");
        ResponseEntity<JsonNode> missing = send("mia", HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\": {}}");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("message").asText()).contains("negotiationOutcome is required");
        assertThat(openTask(instance).getId()).isEqualTo(taskId);

        ResponseEntity<JsonNode> accepted = send("mia", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"},
                               "promisedDate": {"value": "%s", "type": "String"}}}""".formatted(TODAY.plusDays(7)));
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.getActiveActivityIds(instance.getId()))
                .containsExactly(InvoiceCollectionProcess.Activities.PROMISED_DATE_PASSED);
    }

    @Test
    void concurrentPaymentsToOneInvoiceAreAllBooked() throws Exception {
        String clientId = newClient();
        String number = newInvoiceNumber();
        send(HttpMethod.POST, "/api/invoices", invoiceJson(number, clientId, "1000.00", "2027-02-01"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String payment = """
                        {"paymentId": "PAR-%s-%d", "invoiceNumber": "%s", "amount": 10.00, "currency": "EUR",
                         "paidOn": "2027-01-11"}""".formatted(number, i, number);
                answers.add(pool.submit(() -> send(HttpMethod.POST, "/api/payments", payment)));
            }
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(invoices.get(number).getOpenAmount()).isEqualByComparingTo("920.00");
    }

    @Test
    void theCompletionCheckCannotBeSidesteppedByTheSpellingOfTheUrl() {
        ProcessInstance instance = overdueInvoice(client("mia", false));
        String taskId = openTask(instance).getId();
        String badPromise = """
                {"variables": {"negotiationOutcome": {"value": "PROMISE"}, "promisedDate": {"value": "2020-01-01"}}}""";
        for (String path : List.of("/engine-rest/task/" + taskId + "/complete;x=1",
                "/engine-rest/task/" + taskId + "/complete/", "/engine-rest//task/" + taskId + "/submit-form")) {
            ResponseEntity<JsonNode> refused = send("mia", HttpMethod.POST, path, badPromise);
            assertThat(refused.getStatusCode()).as(path).isIn(HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
            assertThat(refused.getStatusCode().is5xxServerError()).as(path).isFalse();
        }
        assertThat(openTask(instance).getId()).isEqualTo(taskId);
    }

    @Test
    void theApiIsDocumented() {
        JsonNode openApi = get("/api/openapi").getBody();
        JsonNode paths = openApi.get("paths");
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("dev.collectflow")) {
                info.getPathPatternsCondition().getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .forEach(path -> info.getMethodsCondition().getMethods()
                                .forEach(verb -> served.add(verb.name().toLowerCase() + " " + path)));
            }
        });
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + path.getKey())));
        assertThat(documented).as("every operation of the API, and only those").isEqualTo(served).isNotEmpty();

        JsonNode schemas = openApi.get("components").get("schemas");
        JsonNode problem = schemas.get("Problem");
        assertThat(problem.get("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.get("properties").get("errors").get("items").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("field", "message");

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String operation = entry.getKey() + " " + path.getKey();
            JsonNode op = entry.getValue();
            JsonNode responses = op.get("responses");
            assertThat(op.path("summary").asText()).as(operation).isNotBlank();
            assertThat(op.get("tags")).as(operation).isNotEmpty();
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(operation).contains("401", "403", "406")
                    .anySatisfy(status -> assertThat(status).startsWith("2"));
            responses.fields().forEachRemaining(response -> {
                JsonNode content = response.getValue().get("content");
                assertThat(response.getValue().path("description").asText()).as(operation).isNotBlank();
                if (response.getKey().equals("204")) {
                    assertThat(content).as(operation + " 204 has no body").isNull();
                } else if (response.getKey().startsWith("2")) {
                    assertThat(content.get("application/json").get("schema").toString()).as(operation)
                            .containsAnyOf("$ref", "\"type\"");
                } else {
                    assertThat(content.get("application/problem+json").get("schema").get("$ref").asText())
                            .as(operation + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
            op.path("parameters").forEach(parameter -> {
                if ("path".equals(parameter.get("in").asText())) {
                    assertThat(parameter.get("schema").path("pattern").asText()).as(operation).isNotBlank();
                    assertThat(statuses).as(operation).contains("400", "404");
                }
            });
            if (op.has("requestBody")) {
                assertThat(op.get("requestBody").path("required").asBoolean()).as(operation).isTrue();
                JsonNode content = op.get("requestBody").get("content");
                JsonNode schema = (content.has("application/json") ? content.get("application/json")
                        : content.get("multipart/form-data")).get("schema");
                String ref = schema.path("$ref").asText();
                JsonNode body = ref.isEmpty() ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(body.get("required")).as(operation).isNotEmpty();
                assertThat(statuses).as(operation).contains("400", "409", "413", "415", "422");
            }
        }));
        JsonNode invoice = schemas.get("InvoiceRequest").get("properties");
        assertThat(invoice.get("issueDate").get("format").asText()).isEqualTo("date");
        assertThat(invoice.get("dueDate").get("format").asText()).isEqualTo("date");
        assertThat(schemas.get("PaymentRequest").get("properties").get("paidOn").get("format").asText())
                .isEqualTo("date");
        assertThat(paths.get("/api/invoices").get("post").get("responses").get("201").get("content")
                .get("application/json").get("schema").get("$ref").asText()).endsWith("/CaseView");
    }

    private void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        }
    }
}
