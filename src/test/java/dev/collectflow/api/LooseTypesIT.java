package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The API takes each field in its declared JSON type only and every key once: what was silently coerced before
 * ("number": 12345, "name": 42, "keyClient": 1, "amount": "100.00", the last of two keys) is refused naming the
 * field, and an operator reading back finds nothing changed.
 */
class LooseTypesIT extends ApiTestSupport {

    @Test
    void anInvoiceWithFieldsOfTheWrongTypeIsRefused() {
        String clientId = apiClient("Acme Ltd");
        StoredRecords before = stored();
        String number = newInvoiceNumber();
        String valid = invoiceJson(number, clientId, "\"2027-01-04\"", "\"2027-02-04\"");

        assertProblem(post("/api/invoices", valid.replace("\"" + number + "\"", "12345")), 400, "number");
        assertProblem(post("/api/invoices", valid.replace("1000.00", "\"1000.00\"")), 400, "amount");
        assertProblem(post("/api/invoices", valid.replace("\"" + clientId + "\"", "[\"" + clientId + "\"]")), 400,
                "clientId");
        assertProblem(post("/api/invoices", valid.replace("\"EUR\"", "978")), 400, "currency");
        assertProblem(post("/api/invoices", valid.replace("\"amount\": 1000.00",
                "\"amount\": 1000.00, \"amount\": 1.00")), 400, "amount");

        assertThat(readAsOperator("/api/invoices/" + number).status()).isEqualTo(404);
        assertThat(stored()).isEqualTo(before);
        assertThat(post("/api/invoices", valid).status()).as("the same body with the declared types").isEqualTo(201);
    }

    @Test
    void aClientWithFieldsOfTheWrongTypeIsRefused() {
        String clientId = apiClient("Acme Ltd");
        StoredRecords before = stored();
        String path = "/api/clients/" + clientId;

        assertProblem(put(path, "{\"name\": 42}"), 400, "name");
        assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"keyClient\": 1}"), 400, "keyClient");
        assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"keyClient\": \"true\"}"), 400, "keyClient");
        assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"owner\": true}"), 400, "owner");
        assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"keyClient\": false, \"keyClient\": true}"), 400,
                "keyClient");
        assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"name\": \"Renamed\"}"), 400, "name");

        JsonNode client = readAsOperator(path).json();
        assertThat(client.get("name").asText()).isEqualTo("Acme Ltd");
        assertThat(client.get("keyClient").asBoolean()).isFalse();
        assertThat(client.get("owner").asText()).isEqualTo("mia");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aPaymentWithAnAmountInQuotesIsRefused() {
        String clientId = apiClient("Acme Ltd");
        String number = newInvoiceNumber();
        assertThat(post("/api/invoices", invoiceJson(number, clientId, "\"2027-01-04\"", "\"2027-02-04\"")).status())
                .isEqualTo(201);
        StoredRecords before = stored();

        assertProblem(post("/api/payments", """
                {"paymentId": "PAY-%s", "invoiceNumber": "%s", "amount": "100.00", "currency": "EUR",
                 "paidOn": "2027-01-11"}""".formatted(number, number)), 400, "amount");
        assertProblem(post("/api/payments", """
                {"paymentId": 7, "invoiceNumber": "%s", "amount": 100.00, "currency": "EUR",
                 "paidOn": "2027-01-11"}""".formatted(number)), 400, "paymentId");

        assertThat(readAsOperator("/api/invoices/" + number).json().get("openAmount").decimalValue())
                .isEqualByComparingTo("1000.00");
        assertThat(stored()).isEqualTo(before);
    }
}
