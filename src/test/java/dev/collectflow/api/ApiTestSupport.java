package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API as a probing user reaches it: raw HTTP as finance (fred) or anyone else, answers checked as problems, and
 * what an operator (olga) reads back afterwards.
 */
abstract class ApiTestSupport extends CollectionTestSupport {

    static final String OPERATOR = "olga";
    static final String FINANCE = "fred";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService history;

    RawHttp.Answer send(RawHttp.Request request) {
        try {
            return new RawHttp(port).send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawHttp.Answer post(String path, String json) {
        return send(RawHttp.Request.of("POST", path, FINANCE).json(json));
    }

    RawHttp.Answer put(String path, String json) {
        return send(RawHttp.Request.of("PUT", path, FINANCE).json(json));
    }

    /** What an operator reads under the path. */
    RawHttp.Answer readAsOperator(String path) {
        return send(RawHttp.Request.of("GET", path, OPERATOR));
    }

    StoredRecords stored() {
        return StoredRecords.count(jdbc, runtime, history);
    }

    /** A client created over the API, owned by mia. */
    String apiClient(String name) {
        String clientId = "api-" + newInvoiceNumber().toLowerCase();
        RawHttp.Answer created = put("/api/clients/" + clientId, """
                {"name": %s, "email": "ap@acme.example", "owner": "mia", "keyClient": false}"""
                .formatted(quoted(name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return clientId;
    }

    static String invoiceJson(String number, String clientId, String issueDate, String dueDate) {
        return """
                {"number": "%s", "clientId": "%s", "amount": 1000.00, "currency": "EUR",
                 "issueDate": %s, "dueDate": %s}""".formatted(number, clientId, issueDate, dueDate);
    }

    static String quoted(Object value) {
        return "\"" + value + "\"";
    }

    /** A refusal: the status, a problem body that says why, and the field at fault when one is named. */
    static JsonNode assertProblem(RawHttp.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(answer.toString()).contains(field);
        }
        return problem;
    }
}
