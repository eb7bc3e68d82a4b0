package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The bad-input corpus ({@code src/test/resources/api/bad-input-corpus.yaml}) against the running application: every
 * case is refused with its 4xx as a problem body naming its field, none is a 500, and nothing is stored.
 */
class BadInputCorpusIT extends ApiTestSupport {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");

    record Case(String name, String method, String path, String user, String contentType, String body,
                boolean chunked, int status, String field) {
    }

    @Test
    void everyBadInputIsRefusedAsAProblemNamingTheFieldAndStoresNothing() throws IOException {
        String clientId = apiClient("Acme Ltd");
        String invoice = newInvoiceNumber();
        assertThat(post("/api/invoices", invoiceJson(invoice, clientId, "\"2027-01-04\"", "\"2027-02-04\""))
                .status()).isEqualTo(201);
        JsonNode clientBefore = readAsOperator("/api/clients/" + clientId).json();
        JsonNode invoiceBefore = readAsOperator("/api/invoices/" + invoice).json();
        StoredRecords before = stored();

        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        SoftAssertions softly = new SoftAssertions();
        for (Case bad : corpus) {
            RawHttp.Answer answer = send(request(bad, clientId, invoice));
            String what = bad.name() + " → " + answer;
            softly.assertThat(answer.status()).as(what).isEqualTo(bad.status()).isBetween(400, 499);
            softly.assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
            if (answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/problem+json")) {
                JsonNode problem = answer.json();
                softly.assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.status());
                softly.assertThat(problem.path("detail").asText()).as(what).isNotBlank();
                List<String> fields = problem.path("errors").findValuesAsText("field");
                if (bad.field() != null) {
                    softly.assertThat(fields).as(what).contains(bad.field());
                }
            }
        }
        softly.assertAll();

        assertThat(stored()).isEqualTo(before);
        assertThat(readAsOperator("/api/clients/" + clientId).json()).isEqualTo(clientBefore);
        assertThat(readAsOperator("/api/invoices/" + invoice).json()).isEqualTo(invoiceBefore);
    }

    private RawHttp.Request request(Case bad, String clientId, String invoice) {
        String user = bad.user() == null ? FINANCE : "none".equals(bad.user()) ? null : bad.user();
        RawHttp.Request request = RawHttp.Request.of(bad.method(), fill(bad.path(), clientId, invoice), user);
        if (bad.body() != null) {
            String contentType = bad.contentType() == null ? "application/json"
                    : "none".equals(bad.contentType()) ? null : bad.contentType();
            request = request.withBody(contentType, fill(bad.body(), clientId, invoice));
        }
        return bad.chunked() ? request.withoutLength() : request;
    }

    /** The text with its placeholders filled in (see the corpus file). */
    private String fill(String text, String clientId, String invoice) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String[] parts = matcher.group(1).split(":", 3);
            String value = switch (parts[0]) {
                case "client" -> clientId;
                case "invoice" -> invoice;
                case "new" -> newInvoiceNumber();
                case "repeat" -> parts[1].repeat(Integer.parseInt(parts[2]));
                case "char" -> Character.toString(Integer.parseInt(parts[1], 16));
                default -> date(parts[0]);
            };
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    private static String date(String expression) {
        Matcher day = Pattern.compile("today(?:([+-])(\\d+))?").matcher(expression);
        if (!day.matches()) {
            throw new IllegalArgumentException("unknown placeholder {{" + expression + "}}");
        }
        int days = day.group(1) == null ? 0 : Integer.parseInt(day.group(2)) * ("-".equals(day.group(1)) ? -1 : 1);
        return TODAY.plusDays(days).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Case> corpus() throws IOException {
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream("/api/bad-input-corpus.yaml")) {
            List<Map<String, Object>> entries = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            for (Map<String, Object> entry : entries) {
                cases.add(new Case((String) entry.get("name"), (String) entry.get("method"), (String) entry.get("path"),
                        (String) entry.get("user"), (String) entry.get("contentType"), (String) entry.get("body"),
                        Boolean.TRUE.equals(entry.get("chunked")), (Integer) entry.get("status"),
                        (String) entry.get("field")));
            }
            return cases;
        }
    }
}
