package dev.collectflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.audit.CaseEventType;
import dev.collectflow.invoice.InvoiceRepository;
import dev.collectflow.invoice.InvoiceStatus;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/invoices/import over HTTP: good lines in, every bad line reported by number and reason, never a 500. */
class LedgerImportIT extends CollectionTestSupport {

    private static final String HEADER = "number,clientId,amount,currency,issueDate,dueDate\r\n";

    @Autowired TestRestTemplate http;
    @Autowired InvoiceRepository invoiceRecords;
    @Autowired LedgerImportRepository importRecords;
    @Autowired LedgerImports ledgerImports;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<Integer, String> rejections(JsonNode report) {
        Map<Integer, String> rejected = new java.util.TreeMap<>();
        report.get("rejected").forEach(r -> rejected.put(r.get("line").asInt(), r.get("reason").asText()));
        return rejected;
    }

    @Test
    void goodLinesAreImportedAndEachBadLineIsReportedWithItsNumberAndReason() throws Exception {
        String owned = client("mia", false);
        String[] n = new String[9];
        for (int i = 0; i < n.length; i++) {
            n[i] = newInvoiceNumber();
        }
        String newClient = "imp-" + n[0].toLowerCase();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte order mark, as Excel writes it
        file.write(bytes("Invoice;Customer;Customer name;Total;Cur;Issued;Due\r\n"));
        file.write(bytes(n[0] + ";" + owned + ";;1.250,50;EUR;1/12/2026;2/11/2026\r\n"));                   // 2 good
        file.write(bytes(n[1] + ";" + newClient + ";\"Acme; \"\"North\"\"\";99,99;EUR;1/12/2026;2/11/2026\r\n")); // 3 quoted
        file.write(bytes(n[2] + ";" + owned + ";;10,00;EUR;2/30/2026;3/30/2026\r\n"));                      // 4 no such day
        file.write(bytes(n[3] + ";" + owned + ";;10,00;EUR\r\n"));                                          // 5 columns missing
        file.write(bytes(n[4] + ";" + owned + ";M"));
        file.write(new byte[] {(byte) 0xFC});                                                                // 6 Latin-1 ü
        file.write(bytes("ller;10,00;EUR;1/12/2026;2/11/2026\r\n"));
        file.write(bytes(n[5] + ";" + owned + ";\"" + "x".repeat(5 * 1024 * 1024) + "\";10,00;EUR;1/12/2026;2/11/2026\r\n")); // 7 5 MB
        file.write(bytes(n[0] + ";" + owned + ";;1.250,50;EUR;1/12/2026;2/11/2026\r\n"));                   // 8 same again
        file.write(bytes(n[0] + ";" + owned + ";;999,00;EUR;1/12/2026;2/11/2026\r\n"));                     // 9 other data
        file.write(bytes(n[6] + ";no body;;10,00;EUR;1/12/2026;2/11/2026\r\n"));                         // 10 bad id
        file.write(bytes(n[7] + ";" + owned + ";;-5,00;EUR;1/12/2026;2/11/2026\r\n"));                      // 11 negative
        file.write(bytes(n[8] + ";" + owned + ";;10,00;EURO;1/12/2026;2/11/2026\r\n"));                     // 12 currency
        file.write(bytes("\r\n"));                                                                           // blank: skipped
        String mapping = """
                {"columns": {"number": "Invoice", "clientId": "Customer", "clientName": "Customer name",
                 "amount": "Total", "currency": "Cur", "issueDate": "Issued", "dueDate": "Due"},
                 "delimiter": ";", "decimalSeparator": ",", "groupingSeparator": ".", "dateFormat": "M/d/yyyy",
                 "createClients": true}""";

        ResponseEntity<JsonNode> answer = ImportRequests.upload(http, "fred", file.toByteArray(), mapping);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("linesTotal").asInt()).isEqualTo(11);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        Map<Integer, String> rejected = rejections(report);
        assertThat(rejected.keySet()).containsExactly(4, 5, 6, 7, 9, 10, 11, 12);
        assertThat(rejected.get(4)).contains("issueDate '2/30/2026' is not a date in the format M/d/yyyy");
        assertThat(rejected.get(5)).contains("has 5 fields, the header has 7");
        assertThat(rejected.get(6)).contains("is not valid UTF-8", "0xFC");
        assertThat(rejected.get(7)).contains("is longer than 10000 bytes");
        assertThat(rejected.get(9)).contains("number " + n[0] + " is already registered with other data");
        assertThat(rejected.get(10)).contains("clientId 'no body' must be letters, digits");
        assertThat(rejected.get(11)).contains("amount '-5,00' is not an amount");
        assertThat(rejected.get(12)).contains("currency 'EURO'");
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(8);

        // the good lines are cases as if registered over POST /api/invoices; the bad ones left nothing behind
        assertThat(invoices.get(n[0]).getAmount()).isEqualByComparingTo("1250.50");
        assertThat(cases.instance(n[0])).isPresent();
        assertThat(audit.of(n[0])).extracting(e -> e.getType()).contains(CaseEventType.REGISTERED);
        assertThat(clients.get(newClient).getName()).isEqualTo("Acme; \"North\"");
        assertThat(clients.get(newClient).getOwner()).isNull();
        for (int i = 2; i < n.length; i++) {
            assertThat(invoiceRecords.existsById(n[i])).as(n[i]).isFalse();
        }

        // the same file again: nothing new, every good line a duplicate
        JsonNode again = ImportRequests.upload(http, "fred", file.toByteArray(), mapping).getBody();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAsAWholeNamingWhy() {
        ResponseEntity<JsonNode> empty = ImportRequests.upload(http, "fred", new byte[0], null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(empty.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(empty.getBody().get("errors").get(0).get("message").asText()).contains("is empty");

        ResponseEntity<JsonNode> wrongHeader = ImportRequests.upload(http, "fred",
                bytes("Rechnung,Kunde,Betrag\r\nR-1,acme,10.00\r\n"), null);
        assertThat(wrongHeader.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(wrongHeader.getBody().get("errors").get(0).get("message").asText())
                .contains("line 1: the header has no column 'number' (number), 'clientId' (clientId)",
                        "[Rechnung, Kunde, Betrag]");

        ResponseEntity<JsonNode> badMapping = ImportRequests.upload(http, "fred", bytes(HEADER),
                "{\"dateFormat\": \"qq-ii\", \"decimalSeparator\": \"x\", \"columns\": {\"total\": \"Total\"}}");
        assertThat(badMapping.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(badMapping.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("mapping.columns.total", "mapping.dateFormat", "mapping.decimalSeparator");

        ResponseEntity<JsonNode> notJson = ImportRequests.upload(http, "fred", bytes(HEADER), "{columns:");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notJson.getBody().get("errors").get(0).get("field").asText()).isEqualTo("mapping");

        ResponseEntity<JsonNode> headerOnly = ImportRequests.upload(http, "fred", bytes(HEADER), null);
        assertThat(headerOnly.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(headerOnly.getBody().get("linesTotal").asInt()).isZero();

        ResponseEntity<JsonNode> asSales = ImportRequests.upload(http, "mia", bytes(HEADER), null);
        assertThat(asSales.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void historyModeImportsSettledInvoicesAsClosedHistoryWithoutACase() {
        String owner = client("max", false);
        String paid = newInvoiceNumber();
        String partly = newInvoiceNumber();
        String csv = "invoiceNumber,customerID,InvoiceAmount,InvoiceDate,DueDate,SettledDate,Paid,Disputed\n"
                + paid + "," + owner + ",100.00,1/2/2013,2/1/2013,2/5/2013,,No\n"
                + partly + "," + owner + ",200.00,1/2/2013,2/1/2013,1/20/2013,150.00,Yes\n"
                + "H-late," + owner + ",200.00,1/2/2013,2/1/2013,12/31/2099,,No\n"
                + "H-ghost,ghost-" + paid.toLowerCase() + ",200.00,1/2/2013,2/1/2013,2/1/2013,,No\n";
        String mapping = """
                {"mode": "HISTORY", "currency": "CHF", "dateFormat": "M/d/yyyy",
                 "columns": {"number": "invoiceNumber", "clientId": "customerID", "amount": "InvoiceAmount",
                 "issueDate": "InvoiceDate", "dueDate": "DueDate", "settledDate": "SettledDate",
                 "settledAmount": "Paid", "disputed": "Disputed"}}""";

        JsonNode report = ImportRequests.upload(http, "fred", bytes(csv), mapping).getBody();

        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(rejections(report)).containsOnlyKeys(4, 5);
        assertThat(rejections(report).get(4)).contains("settledDate must not be in the future");
        assertThat(rejections(report).get(5)).contains("clientId 'ghost-", "is not a known client");
        assertThat(invoices.get(paid).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.get(paid).getOpenAmount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(invoices.get(paid).isHistory()).isTrue();
        assertThat(invoices.get(partly).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(invoices.get(partly).isDisputed()).isTrue();
        assertThat(cases.instance(paid)).isEmpty();
        assertThat(audit.of(paid).get(0).getDetail()).isEqualTo("Imported as history: 100.00 CHF of 100.00 CHF settled on 2013-02-05");
    }

    @Test
    void aLargeFileRunsInTheBackgroundWithProgressToPoll() throws Exception {
        int lines = 100_000;
        String prefix = newInvoiceNumber() + "-";
        StringBuilder csv = new StringBuilder(lines * 64)
                .append("number,clientId,amount,currency,issueDate,dueDate,settledDate\n");
        String clientId = "bulk-" + prefix.toLowerCase().replace("-", "");
        for (int i = 1; i <= lines; i++) {
            csv.append(prefix).append(i).append(',').append(clientId).append(',').append(100 + i % 900).append(".50,EUR,")
                    .append("2025-03-01,2025-03-31,").append(i % 3 == 0 ? "2025-04-10" : "2025-03-20").append('\n');
        }
        ResponseEntity<JsonNode> accepted = ImportRequests.upload(http, "fred", bytes(csv.toString()),
                "{\"mode\": \"HISTORY\", \"createClients\": true}");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/api/invoices/import/" + accepted.getBody().get("id").asText());
        assertThat(accepted.getBody().get("linesTotal").asInt()).isEqualTo(lines);

        List<Integer> progress = ImportRequests.awaitDone(http, location, Duration.ofMinutes(10));
        assertThat(new ArrayList<>(progress)).isSorted();
        assertThat(progress).anyMatch(done -> done > 0 && done < lines);
        JsonNode report = ImportRequests.report(http, location);
        assertThat(report.get("state").asText()).isEqualTo("DONE");
        assertThat(report.get("imported").asInt()).isEqualTo(lines);
        assertThat(report.get("rejectedCount").asInt()).isZero();
        assertThat(http.withBasicAuth("fred", "secret").getForObject("/api/invoices/import/recent", JsonNode.class)
                .findValuesAsText("id")).contains(report.get("id").asText());
        // a third paid 10 days late, the rest on time
        JsonNode onTime = http.withBasicAuth("fred", "secret").getForObject("/api/kpis/on-time?by=company"
                + "&from=2025-03-31&to=2025-03-31&client=" + clientId, JsonNode.class).get("rows").get(0);
        assertThat(onTime.get("invoices").asInt()).isEqualTo(lines);
        assertThat(onTime.get("paidLate").asInt()).isEqualTo(lines / 3);
        assertThat(onTime.get("averageDaysLate").decimalValue()).isEqualByComparingTo("10.0");
    }

    /** An import whose node stopped mid-file does not stay "running" for ever: it is marked failed, saying why. */
    @Test
    void anImportCutOffWithItsNodeIsMarkedFailed() {
        LedgerImport cutOff = importRecords.save(new LedgerImport(java.util.UUID.randomUUID().toString(), "big.csv",
                "OPEN", "fred", clock.instant(), 50_000));
        clock.travel(Duration.ofMinutes(9));
        LedgerImport stillRunning = importRecords.save(new LedgerImport(java.util.UUID.randomUUID().toString(),
                "other.csv", "OPEN", "fred", clock.instant(), 50_000));

        clock.travel(Duration.ofMinutes(2));
        ledgerImports.failStalledImports();

        JsonNode failed = http.withBasicAuth("fred", "secret").getForObject("/api/invoices/import/" + cutOff.getId(),
                JsonNode.class);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asText()).startsWith("interrupted: nothing stored since")
                .contains("0 of 50000 lines are stored", "Import the file again");
        assertThat(importRecords.findById(stillRunning.getId()).orElseThrow().getState())
                .isEqualTo(LedgerImport.State.RUNNING);
        importRecords.deleteById(stillRunning.getId());
    }
}
