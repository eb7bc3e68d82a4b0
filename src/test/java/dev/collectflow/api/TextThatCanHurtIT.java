package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Text fields of the API take plain text: control characters, direction overrides and invisible characters are
 * refused naming the field. Markup is text: a client may be called {@code <img src=x onerror=alert(1)>}; the API
 * serves it only as JSON that a browser will not run, and mails show it escaped.
 */
class TextThatCanHurtIT extends ApiTestSupport {

    private static final Map<String, String> HURTFUL = Map.of(
            "NUL", "\\u0000",
            "BEL", "\\u0007",
            "ESC", "\\u001b[31m",
            "line break", "\\n",
            "right-to-left override", "\\u202e",
            "left-to-right isolate", "\\u2066",
            "zero-width space", "\\u200b",
            "zero-width joiner", "\\u200d",
            "byte order mark", "\\ufeff");

    @Test
    void controlDirectionAndInvisibleCharactersAreRefused() {
        String clientId = apiClient("Acme Ltd");
        String path = "/api/clients/" + clientId;
        StoredRecords before = stored();

        HURTFUL.forEach((what, character) -> {
            assertProblem(put(path, "{\"name\": \"Acme" + character + " Ltd\", \"owner\": \"mia\"}"), 400, "name");
            assertProblem(put(path, "{\"name\": \"Acme Ltd\", \"owner\": \"mia\", \"contactPerson\": \"Al"
                    + character + "ice\"}"), 400, "contactPerson");
        });

        RawHttp.Answer client = readAsOperator(path);
        assertThat(client.json().get("name").asText()).isEqualTo("Acme Ltd");
        assertThat(client.json().has("contactPerson")).isFalse();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theFieldMessageSaysWhichCharacter() {
        String clientId = apiClient("Acme Ltd");
        assertThat(assertProblem(put("/api/clients/" + clientId, "{\"name\": \"gnp.exe\\u202e\"}"), 400, "name")
                .get("errors").get(0).get("message").asText())
                .isEqualTo("must not contain characters that change the writing direction (found U+202E)");
    }

    @Test
    void markupIsKeptAsTextAndServedOnlyAsJson() {
        String name = "<img src=x onerror=alert(1)>";
        String clientId = apiClient(name);

        RawHttp.Answer client = readAsOperator("/api/clients/" + clientId);
        assertThat(client.json().get("name").asText()).isEqualTo(name);
        assertThat(client.header("Content-Type")).startsWith("application/json");
        assertThat(client.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(client.header("Content-Security-Policy")).contains("default-src 'none'");

        String number = newInvoiceNumber();
        assertThat(post("/api/invoices", invoiceJson(number, clientId, "\"2026-12-01\"", "\"2027-01-10\""))
                .status()).isEqualTo(201);
        ProcessInstance instance = cases.instance(number).orElseThrow();
        runDueJobs(instance);
        MimeMessage notice = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(number)).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(notice)).contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
        RawHttp.Answer caseView = readAsOperator("/api/invoices/" + number);
        assertThat(caseView.json().get("clientName").asText()).isEqualTo(name);
        assertThat(caseView.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
