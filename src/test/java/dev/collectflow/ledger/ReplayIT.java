package dev.collectflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A real-looking public ledger (IBM's accounts-receivable sample, 2,466 settled invoices of 100 clients) imported
 * through the public import API with the mapping documented in README; the KPI API must then show, for the whole file
 * and per client, the same invoice count, number paid late, on-time rate by count and by amount, and average days
 * late as this test computes straight from the CSV.
 */
class ReplayIT extends CollectionTestSupport {

    /** The mapping README documents for this file. */
    static final String IBM_MAPPING = """
            {"mode": "HISTORY", "currency": "USD", "dateFormat": "M/d/yyyy", "createClients": true,
             "columns": {"number": "invoiceNumber", "clientId": "customerID", "amount": "InvoiceAmount",
                         "issueDate": "InvoiceDate", "dueDate": "DueDate", "settledDate": "SettledDate",
                         "disputed": "Disputed"}}""";

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Autowired TestRestTemplate http;

    /** The figures of a group of invoices, computed from the file alone. */
    private static final class Expected {
        int invoices;
        int late;
        long daysLate;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal amountOnTime = BigDecimal.ZERO;

        void add(LocalDate due, LocalDate settled, BigDecimal invoiceAmount) {
            invoices++;
            amount = amount.add(invoiceAmount);
            if (settled.isAfter(due)) {
                late++;
                daysLate += ChronoUnit.DAYS.between(due, settled);
            } else {
                amountOnTime = amountOnTime.add(invoiceAmount);
            }
        }

        BigDecimal rateByCount() {
            return BigDecimal.valueOf(invoices - late).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(invoices), 2, RoundingMode.HALF_UP);
        }

        BigDecimal rateByAmount() {
            return amountOnTime.multiply(BigDecimal.valueOf(100)).divide(amount, 2, RoundingMode.HALF_UP);
        }

        BigDecimal averageDaysLate() {
            return late == 0 ? null : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(late), 1, RoundingMode.HALF_UP);
        }
    }

    @Test
    void theKpiApiShowsWhatTheFileSays() throws Exception {
        byte[] file = read("/datasets/ibm-accounts-receivable.csv");
        Expected whole = new Expected();
        Map<String, Expected> perClient = new TreeMap<>();
        LocalDate firstDue = LocalDate.MAX;
        LocalDate lastDue = LocalDate.MIN;
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            String[] f = line.split(",");
            LocalDate due = LocalDate.parse(f[5], US);
            LocalDate settled = LocalDate.parse(f[8], US);
            BigDecimal amount = new BigDecimal(f[6]);
            assertThat(Math.max(0, ChronoUnit.DAYS.between(due, settled))).as("the file's DaysLate")
                    .isEqualTo(Long.parseLong(f[11]));
            whole.add(due, settled, amount);
            perClient.computeIfAbsent(f[1], c -> new Expected()).add(due, settled, amount);
            firstDue = due.isBefore(firstDue) ? due : firstDue;
            lastDue = due.isAfter(lastDue) ? due : lastDue;
        }
        assertThat(whole.invoices).isEqualTo(2466);
        assertThat(perClient).hasSize(100);

        ResponseEntity<JsonNode> started = ImportRequests.upload(http, "fred", file, IBM_MAPPING);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED); // more lines than run at once
        ImportRequests.awaitDone(http, started.getHeaders().getLocation().toString(), Duration.ofMinutes(5));
        JsonNode report = ImportRequests.report(http, started.getHeaders().getLocation().toString());
        assertThat(report.get("rejectedCount").asInt()).as(report.toString()).isZero();
        assertThat(report.get("imported").asInt() + report.get("duplicates").asInt()).isEqualTo(2466);

        String period = "&currency=USD&from=" + firstDue + "&to=" + lastDue;
        JsonNode company = http.withBasicAuth("fred", "secret")
                .getForObject("/api/kpis/on-time?by=company" + period, JsonNode.class).get("rows");
        assertThat(company).hasSize(1);
        assertFigures(company.get(0), whole, "the whole file");

        JsonNode byClient = http.withBasicAuth("fred", "secret")
                .getForObject("/api/kpis/on-time?by=client" + period, JsonNode.class).get("rows");
        Map<String, JsonNode> rows = new HashMap<>();
        byClient.forEach(row -> rows.put(row.get("subject").asText(), row));
        assertThat(rows.keySet()).containsAll(perClient.keySet());
        List<String> checked = new ArrayList<>();
        perClient.forEach((client, expected) -> {
            assertFigures(rows.get(client), expected, client);
            checked.add(client);
        });
        assertThat(checked).hasSize(100);

        // one client through the client filter, as its own query
        String someClient = perClient.keySet().iterator().next();
        JsonNode one = http.withBasicAuth("fred", "secret").getForObject("/api/kpis/on-time?by=client&client="
                + someClient + period, JsonNode.class).get("rows");
        assertThat(one).hasSize(1);
        assertFigures(one.get(0), perClient.get(someClient), someClient);
    }

    private static void assertFigures(JsonNode row, Expected expected, String what) {
        assertThat(row.get("invoices").asInt()).as(what + " invoices").isEqualTo(expected.invoices);
        assertThat(row.get("paidLate").asInt()).as(what + " paid late").isEqualTo(expected.late);
        assertThat(row.get("paidOnTime").asInt()).as(what + " paid on time").isEqualTo(expected.invoices - expected.late);
        assertThat(row.get("onTimeRateByCount").decimalValue()).as(what + " on-time rate by count")
                .isEqualByComparingTo(expected.rateByCount());
        assertThat(row.get("onTimeRateByAmount").decimalValue()).as(what + " on-time rate by amount")
                .isEqualByComparingTo(expected.rateByAmount());
        if (expected.averageDaysLate() == null) {
            assertThat(row.has("averageDaysLate")).as(what + " average days late").isFalse();
        } else {
            assertThat(row.get("averageDaysLate").decimalValue()).as(what + " average days late")
                    .isEqualByComparingTo(expected.averageDaysLate());
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = ReplayIT.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
