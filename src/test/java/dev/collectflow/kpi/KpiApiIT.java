package dev.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.invoice.InvoiceData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The KPI API over HTTP: who sees which figures, bad filters as problems naming the field, CSV, the webapp login. */
class KpiApiIT extends CollectionTestSupport {

    @Autowired TestRestTemplate http;

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    private void invoiceOwnedBy(String owner) {
        String clientId = client(owner, false);
        invoices.register(new InvoiceData(newInvoiceNumber(), clientId, new BigDecimal("100.00"), "EUR",
                TODAY.minusDays(40), TODAY.minusDays(10)));
    }

    @Test
    void eachPersonSeesTheirScope() {
        invoiceOwnedBy("mia");
        invoiceOwnedBy("max");
        invoiceOwnedBy("otto");
        invoiceOwnedBy(null);

        assertThat(get("mia", "/api/kpis/on-time").getBody().get("rows").findValuesAsText("subject"))
                .containsOnly("mia");
        assertThat(get("sam", "/api/kpis/on-time").getBody().get("rows").findValuesAsText("subject"))
                .contains("mia", "max", "(no owner)").doesNotContain("otto");
        assertThat(get("hugo", "/api/kpis/on-time").getBody().get("rows").findValuesAsText("subject"))
                .contains("otto", "(no owner)").doesNotContain("mia", "max");
        assertThat(get("dora", "/api/kpis/on-time").getBody().get("rows").findValuesAsText("subject"))
                .contains("mia", "max", "otto", "(no owner)");
        assertThat(get("fred", "/api/kpis/aging").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get("mia", "/api/kpis/on-time?manager=max").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("sam", "/api/kpis/on-time?team=teamsouth").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("sam", "/api/kpis/on-time?manager=otto").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("lena", "/api/kpis/collected").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("sam", "/api/kpis/on-time?manager=mia&by=team").getBody().get("rows")
                .findValuesAsText("subject")).containsOnly("teamnorth");
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        assertProblem(get("fred", "/api/kpis/on-time?manager=nobody"), HttpStatus.UNPROCESSABLE_ENTITY, "manager");
        assertProblem(get("fred", "/api/kpis/on-time?team=nosuchteam"), HttpStatus.UNPROCESSABLE_ENTITY, "team");
        assertProblem(get("fred", "/api/kpis/on-time?client=nosuchclient"), HttpStatus.UNPROCESSABLE_ENTITY, "client");
        assertProblem(get("fred", "/api/kpis/on-time?from=2026-06-01&to=2026-05-31"), HttpStatus.UNPROCESSABLE_ENTITY, "to");
        assertProblem(get("fred", "/api/kpis/collected?currency=EURO"), HttpStatus.BAD_REQUEST, "currency");
        assertProblem(get("fred", "/api/kpis/aging?asOf=2026-13-01"), HttpStatus.BAD_REQUEST, "asOf");
        assertProblem(get("fred", "/api/kpis/on-time?by=planet"), HttpStatus.BAD_REQUEST, "by");

        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> asCsv = http.withBasicAuth("fred", "secret").exchange(
                "/api/kpis/on-time?from=2026-06-01&to=2026-05-31", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(asCsv.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(asCsv.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void reportsComeAsCsvWhenAskedFor() {
        invoiceOwnedBy("mia");
        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> answer = http.withBasicAuth("mia", "secret").exchange("/api/kpis/aging",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(answer.getBody().lines().findFirst().orElseThrow())
                .isEqualTo("currency,current,days1To30,days31To60,days61To90,over90Days,total,invoices");
        assertThat(answer.getBody().lines()).anyMatch(line -> line.startsWith("EUR,"));
    }

    @Test
    void theWebappsLoginServesTheDashboardAndReadingOnly() throws Exception {
        invoiceOwnedBy("mia");
        assertThat(http.getForEntity("/api/kpis/aging", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/dashboard")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(HttpStatus.FOUND.value());
        assertThat(anonymous.headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/tasklist/default/#/login");

        String cookies = logInToTasklist("mia");
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, cookies);
        ResponseEntity<JsonNode> figures = http.exchange("/api/kpis/on-time", HttpMethod.GET, new HttpEntity<>(session),
                JsonNode.class);
        assertThat(figures.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(figures.getBody().get("rows").findValuesAsText("subject")).containsOnly("mia");
        ResponseEntity<String> page = http.exchange("/dashboard", HttpMethod.GET, new HttpEntity<>(session), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Logged in as <strong id=\"user\">mia</strong>", "/webjars/echarts/");
        // the session does not authorise changes: those need HTTP Basic
        ResponseEntity<String> change = http.exchange("/api/payments", HttpMethod.POST, new HttpEntity<>("{}", session),
                String.class);
        assertThat(change.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the charting library is served by the application itself
        assertThat(http.getForEntity(page.getBody().replaceAll("(?s).*src=\"(/webjars/echarts/[^\"]+)\".*", "$1"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Logs in through the webapps' login as Tasklist does; answers the session's cookies. */
    private String logInToTasklist(String user) {
        ResponseEntity<String> app = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String xsrf = app.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        String jsession = app.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, xsrf + "; " + jsession);
        headers.add("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length()));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", "secret");
        ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        List<String> renewed = login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";")[0]).toList();
        return renewed.isEmpty() ? jsession : renewed.get(0);
    }
}
