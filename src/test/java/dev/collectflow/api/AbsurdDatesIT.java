package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Dates in API bodies are "yyyy-MM-dd" strings within plausible windows (collectflow.intake.*, today = 2027-01-11 in
 * Berlin): an absurd date is refused naming its field, and an operator reading back finds nothing changed.
 */
class AbsurdDatesIT extends ApiTestSupport {

    @Test
    void aDueDateThatIsNoIsoDateStringIsRefused() {
        String clientId = apiClient("Acme Ltd");
        StoredRecords before = stored();
        for (String dueDate : new String[] {"20261201", "\"2027-02-01T00:00:00\"", "\"2027-02-01T00:00:00Z\"",
                "\"+10000-01-01\"", "\"02/01/2027\"", "\"2027-02-30\"", "\"\"", "[2027, 2, 1]"}) {
            String number = newInvoiceNumber();
            assertProblem(post("/api/invoices", invoiceJson(number, clientId, "\"2027-01-04\"", dueDate)), 400,
                    "dueDate");
            assertThat(readAsOperator("/api/invoices/" + number).status()).as(dueDate).isEqualTo(404);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void datesOutsideThePlausibleWindowsAreRefused() {
        String clientId = apiClient("Acme Ltd");
        StoredRecords before = stored();
        String[][] refused = {
                {"\"2027-01-04\"", "\"9999-12-31\"", "dueDate"},
                {"\"2027-01-04\"", "\"2028-01-05\"", "dueDate"},
                {"\"2027-01-04\"", "\"2027-01-03\"", "dueDate"},
                {"\"0001-01-01\"", "\"2027-02-01\"", "issueDate"},
                {"\"2022-01-10\"", "\"2022-02-10\"", "issueDate"},
                {"\"2027-01-12\"", "\"2027-02-12\"", "issueDate"}};
        for (String[] dates : refused) {
            String number = newInvoiceNumber();
            assertProblem(post("/api/invoices", invoiceJson(number, clientId, dates[0], dates[1])), 400, dates[2]);
            assertThat(readAsOperator("/api/invoices/" + number).status()).isEqualTo(404);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theEdgesOfTheWindowsAreAccepted() {
        String clientId = apiClient("Acme Ltd");
        assertThat(post("/api/invoices", invoiceJson(newInvoiceNumber(), clientId, "\"2027-01-11\"",
                "\"2028-01-11\"")).status()).isEqualTo(201);
        assertThat(post("/api/invoices", invoiceJson(newInvoiceNumber(), clientId, "\"2022-01-11\"",
                "\"2022-01-11\"")).status()).isEqualTo(201);
    }

    @Test
    void todayIsTheDayInTheCompanysTimeZone() {
        String clientId = apiClient("Acme Ltd");
        clock.set(Instant.parse("2027-01-11T23:30:00Z")); // 00:30 on 12 January in Berlin

        assertThat(post("/api/invoices", invoiceJson(newInvoiceNumber(), clientId, "\"2027-01-12\"",
                "\"2027-02-12\"")).status()).isEqualTo(201);
        assertProblem(post("/api/invoices", invoiceJson(newInvoiceNumber(), clientId, "\"2027-01-13\"",
                "\"2027-02-13\"")), 400, "issueDate");
    }

    @Test
    void aPaymentDatedInTheFutureOrLongAgoIsRefusedAndBooksNothing() {
        String clientId = apiClient("Acme Ltd");
        String number = newInvoiceNumber();
        assertThat(post("/api/invoices", invoiceJson(number, clientId, "\"2027-01-04\"", "\"2027-02-04\""))
                .status()).isEqualTo(201);
        StoredRecords before = stored();

        for (String paidOn : new String[] {"\"2028-01-11\"", "\"2027-01-12\"", "\"2000-01-01\"", "\"0001-01-01\"",
                "20270111", "\"2027-01-11T10:00:00\""}) {
            String paymentId = "PAY-" + newInvoiceNumber();
            assertProblem(post("/api/payments", """
                    {"paymentId": "%s", "invoiceNumber": "%s", "amount": 400.00, "currency": "EUR", "paidOn": %s}"""
                    .formatted(paymentId, number, paidOn)), 400, "paidOn");
        }

        assertThat(stored()).isEqualTo(before);
        RawHttp.Answer invoice = readAsOperator("/api/invoices/" + number);
        assertThat(invoice.json().get("openAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(invoice.json().get("history").toString()).doesNotContain("PAYMENT_RECEIVED");
        assertThat(post("/api/payments", """
                {"paymentId": "PAY-%s", "invoiceNumber": "%s", "amount": 400.00, "currency": "EUR",
                 "paidOn": "2027-01-11"}""".formatted(number, number)).status()).isEqualTo(201);
    }
}
