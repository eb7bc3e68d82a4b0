package dev.collectflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.collectflow.CollectionTestSupport;
import dev.collectflow.client.ClientDetails;
import dev.collectflow.invoice.InvoiceData;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MailEscapingIT extends CollectionTestSupport {

    @Test
    void aClientNameWithMarkupArrivesEscapedInTheNotification() {
        String clientId = "xss-" + newInvoiceNumber().toLowerCase();
        clients.save(clientId, new ClientDetails("<script>alert('pwned')</script><b>Evil</b> & Co", null, null, null,
                "mia", false, "en"));
        String number = newInvoiceNumber();
        cases.register(new InvoiceData(number, clientId, new BigDecimal("10.00"), "EUR", TODAY.minusDays(40),
                TODAY.minusDays(1)), "fred");
        var instance = cases.instance(number).orElseThrow();
        runDueJobs(instance);
        assertThat(tasks.getVariableLocal(openTask(instance).getId(), "caseClient"))
                .as("task forms render Markdown: markup typed by people stays text")
                .isEqualTo("\\<script\\>alert('pwned')\\</script\\>\\<b\\>Evil\\</b\\> & Co");

        MimeMessage notice = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(number)).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(notice);
        assertThat(body).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;&lt;b&gt;Evil&lt;/b&gt; &amp; Co")
                .doesNotContain("<script>").doesNotContain("<b>Evil");
    }
}
