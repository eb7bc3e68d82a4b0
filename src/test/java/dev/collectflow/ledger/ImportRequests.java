package dev.collectflow.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Uploads ledger files to POST /api/invoices/import as a client would (multipart: file and mapping). */
public final class ImportRequests {

    private ImportRequests() {
    }

    public static ResponseEntity<JsonNode> upload(TestRestTemplate http, String user, byte[] file, String mapping) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "ledger.csv";
            }
        });
        if (mapping != null) {
            HttpHeaders jsonPart = new HttpHeaders();
            jsonPart.setContentType(MediaType.APPLICATION_JSON);
            parts.add("mapping", new HttpEntity<>(mapping, jsonPart));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "secret").postForEntity("/api/invoices/import", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    /** Polls the import until it is no longer running; answers every progress seen on the way (lines done). */
    static List<Integer> awaitDone(TestRestTemplate http, String location, Duration patience) throws InterruptedException {
        List<Integer> progress = new ArrayList<>();
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            JsonNode report = http.withBasicAuth("fred", "secret").getForObject(location, JsonNode.class);
            progress.add(report.get("linesDone").asInt());
            if (!report.get("state").asText().equals("RUNNING")) {
                return progress;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import still running after " + patience + ": " + progress);
    }

    static JsonNode report(TestRestTemplate http, String location) {
        return http.withBasicAuth("fred", "secret").getForObject(location, JsonNode.class);
    }
}
