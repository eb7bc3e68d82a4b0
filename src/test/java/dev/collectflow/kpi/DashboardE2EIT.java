package dev.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.Chromium;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.commitment.Commitments;
import dev.collectflow.invoice.InvoiceData;
import dev.collectflow.ledger.ImportRequests;
import dev.collectflow.payment.PaymentData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The dashboard in a real browser as a sales manager, a head of sales, a director and finance: each sees their
 * scope, the bonus table shows what the KPI API answers the same person, it sorts, and its CSV download is the API's
 * CSV. The server keeps real time here: the browser's dates are today's.
 */
class DashboardE2EIT extends CollectionTestSupport {

    private static final String[] COLUMNS = {"subject", "invoices", "paidOnTime", "paidLate", "unpaid",
            "onTimeRateByCount", "onTimeRateByAmount", "paidWithinNegotiationRate", "averageDaysLate"};
    private static final String[] PROMISE_COLUMNS = {"graded", "kept", "partlyKept", "broken", "keptRate"};

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired Commitments commitments;
    private DashboardBrowser browser;
    private String testName;

    @BeforeAll
    static void browserInstalled() {
        Chromium.require();
    }

    @BeforeEach
    void realTimeAndSomeFigures(TestInfo test) {
        clock.reset();
        testName = test.getTestMethod().orElseThrow().getName();
        LocalDate today = LocalDate.now(BERLIN);
        String miasClient = client("mia", false);
        String maxsClient = client("max", false);
        String ottosClient = client("otto", false);
        paid(invoice(miasClient, "1000.00", today.minusDays(20)), "1000.00", today.minusDays(21));
        String miasUnpaid = invoice(miasClient, "500.00", today.minusDays(10));
        String maxsLate = invoice(maxsClient, "700.00", today.minusDays(15));
        paid(invoice(ottosClient, "300.00", today.minusDays(12)), "300.00", today.minusDays(12));
        // graded promises: mia's broken and partly kept, max's kept
        promised(miasUnpaid, today.minusDays(5));
        commitments.gradePromise(miasUnpaid);
        String miasPartlyPaid = invoice(miasClient, "400.00", today.minusDays(12));
        promised(miasPartlyPaid, today.minusDays(8));
        paid(miasPartlyPaid, "100.00", today.minusDays(8));
        commitments.gradePromise(miasPartlyPaid);
        promised(maxsLate, today.minusDays(6));
        paid(maxsLate, "700.00", today.minusDays(5));
    }

    private void promised(String number, LocalDate promisedDate) {
        commitments.recordPromise(number, promisedDate, promisedDate.plusDays(1).atStartOfDay(BERLIN).toInstant(),
                "mia");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String invoice(String clientId, String amount, LocalDate due) {
        String number = newInvoiceNumber();
        invoices.register(new InvoiceData(number, clientId, new BigDecimal(amount), "EUR", due.minusDays(30), due));
        return number;
    }

    private void paid(String number, String amount, LocalDate on) {
        payments.receive(new PaymentData("P-" + UUID.randomUUID(), number, new BigDecimal(amount), "EUR", on), "fred");
    }

    private DashboardBrowser browserAs(String user) throws Exception {
        browser = new DashboardBrowser("http://localhost:" + port, testName + "-" + user);
        browser.logInToTasklist(user, "secret");
        browser.openDashboard();
        return browser;
    }

    private String pageQuery() {
        return "from=" + browser.value("#from") + "&to=" + browser.value("#to") + "&currency=" + browser.value("#currency");
    }

    private JsonNode api(String user, String path) {
        return http.withBasicAuth(user, "secret").getForObject(path, JsonNode.class);
    }

    /** The bonus table equals the API's on-time rows for the same person and filters, figure by figure. */
    private List<String> bonusTableEqualsTheApi(String user) {
        JsonNode rows = api(user, "/api/kpis/on-time?by=manager&" + pageQuery()).get("rows");
        List<List<String>> table = new ArrayList<>(browser.bonusTable());
        table.sort(Comparator.comparing(row -> row.get(0)));
        assertThat(table).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < COLUMNS.length; c++) {
                JsonNode expected = rows.get(i).get(COLUMNS[c]);
                String shown = table.get(i).get(c);
                if (expected == null) {
                    assertThat(shown).as(COLUMNS[c]).isEqualTo("–");
                } else if (expected.isNumber()) {
                    assertThat(new BigDecimal(shown)).as(user + " " + COLUMNS[c]).isEqualByComparingTo(expected.decimalValue());
                } else {
                    assertThat(shown).as(COLUMNS[c]).isEqualTo(expected.asText());
                }
            }
        }
        return table.stream().map(row -> row.get(0)).toList();
    }

    /** The promise table equals the API's promise rows for the same person and filters, figure by figure. */
    private List<String> promiseTableEqualsTheApi(String user) {
        JsonNode rows = api(user, "/api/kpis/promises?by=manager&" + pageQuery()).get("rows");
        List<List<String>> table = browser.promiseTable();
        assertThat(table).hasSize(rows.size());
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode expected = rows.get(i);
            List<String> shown = table.get(i);
            assertThat(shown.get(0)).isEqualTo(expected.get("subject").asText());
            assertThat(shown.get(1)).isEqualTo(expected.get("kind").asText());
            for (int c = 0; c < PROMISE_COLUMNS.length; c++) {
                JsonNode figure = expected.get(PROMISE_COLUMNS[c]);
                assertThat(new BigDecimal(shown.get(c + 2))).as(user + " " + PROMISE_COLUMNS[c])
                        .isEqualByComparingTo(figure.decimalValue());
            }
            subjects.add(shown.get(0) + " " + shown.get(1) + " " + String.join(" ", shown.subList(2, shown.size())));
        }
        return subjects;
    }

    @Test
    void aSalesManagerSeesOnlyTheirOwnFigures() throws Exception {
        browserAs("mia");
        assertThat(browser.text("#scope")).isEqualTo("your own invoices");
        assertThat(bonusTableEqualsTheApi("mia")).containsExactly("mia");
        // mia's two promises of this test: one broken, one partly kept
        assertThat(promiseTableEqualsTheApi("mia")).hasSize(1).allMatch(row -> row.startsWith("mia PROMISE "));
        // the aging bars are the API's buckets
        JsonNode aging = api("mia", "/api/kpis/aging?currency=" + browser.value("#currency")).get("rows").get(0);
        Object bars = browser.script("return collectflowDashboard.charts['chart-aging'].getOption().series[0].data");
        assertThat(((List<?>) bars).stream().map(v -> new BigDecimal(v.toString())).toList())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(aging.get("current").decimalValue(), aging.get("days1To30").decimalValue(),
                        aging.get("days31To60").decimalValue(), aging.get("days61To90").decimalValue(),
                        aging.get("over90Days").decimalValue());
        assertThat(browser.script("return document.querySelector('#imports') === null")).isEqualTo(true);
    }

    @Test
    void aHeadOfSalesSeesTheirTeam() throws Exception {
        browserAs("sam");
        assertThat(browser.text("#scope")).isEqualTo("team teamnorth and clients without owner");
        List<String> managers = bonusTableEqualsTheApi("sam");
        assertThat(managers).contains("mia", "max").doesNotContain("otto");
        assertThat(managers).isSubsetOf("mia", "max", "(no owner)");
        assertThat(promiseTableEqualsTheApi("sam")).anyMatch(row -> row.startsWith("mia PROMISE "))
                .anyMatch(row -> row.startsWith("max PROMISE ")).noneMatch(row -> row.startsWith("otto "));
    }

    @Test
    void aDirectorSeesTheCompanySortsTheBonusTableAndDownloadsIt() throws Exception {
        browserAs("dora");
        assertThat(browser.text("#scope")).isEqualTo("the whole company");
        assertThat(bonusTableEqualsTheApi("dora")).contains("mia", "max", "otto");
        assertThat(promiseTableEqualsTheApi("dora")).anyMatch(row -> row.startsWith("mia PROMISE "))
                .anyMatch(row -> row.startsWith("max PROMISE "));
        browser.screenshot("promises");

        browser.sortBy("Invoices due");
        List<Integer> ascending = browser.bonusTable().stream().map(row -> Integer.parseInt(row.get(1))).toList();
        assertThat(ascending).isSorted();
        browser.sortBy("Invoices due");
        List<Integer> descending = browser.bonusTable().stream().map(row -> Integer.parseInt(row.get(1))).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());

        Path download = browser.downloadCsv();
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> fromApi = http.withBasicAuth("dora", "secret").exchange(
                "/api/kpis/on-time?by=manager&" + pageQuery(), HttpMethod.GET, new HttpEntity<>(csv), String.class);
        String downloaded = Files.readString(download, StandardCharsets.UTF_8);
        assertThat(downloaded).startsWith("subject,currency,invoices,paidOnTime,paidLate,");
        assertThat(downloaded).isEqualTo(fromApi.getBody());
    }

    @Test
    void financeWatchesAnImportAndNobodyElseGetsInWithoutLogin() throws Exception {
        StringBuilder file = new StringBuilder("number,clientId,amount,currency,issueDate,dueDate,settledDate\n");
        String prefix = newInvoiceNumber();
        for (int i = 0; i < 3000; i++) {
            file.append(prefix).append('-').append(i).append(",dash-").append(prefix.toLowerCase())
                    .append(",10.00,EUR,2025-01-01,2025-01-31,2025-01-20\n");
        }
        JsonNode accepted = ImportRequests.upload(http, "fred", file.toString().getBytes(StandardCharsets.UTF_8),
                "{\"mode\": \"HISTORY\", \"createClients\": true}").getBody();
        String importId = accepted.get("id").asText();

        browserAs("fred");
        browser.waitFor("#imports-table tbody tr[data-id='" + importId + "']", "3000 / 3000");
        browser.waitFor("#imports-table tbody tr[data-id='" + importId + "']", "DONE");
        browser.screenshot("import done");

        browser.close();
        browser = new DashboardBrowser("http://localhost:" + port, testName + "-anonymous");
        browser.get("/dashboard");
        assertThat(browser.currentUrl()).contains("/camunda/app/tasklist/default/#/login");
        browser.screenshot("sent to login");
    }
}
