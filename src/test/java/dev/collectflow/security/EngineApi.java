package dev.collectflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's REST API as a person reaches it: {@code /engine-rest} with HTTP Basic, or the API Tasklist uses, with a
 * session from Tasklist's login form and its CSRF token.
 */
final class EngineApi {

    static final String PASSWORD = "secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body as text (JSON where Camunda answers JSON), content type. */
    record Answer(int status, String body, MediaType contentType) {

        JsonNode json() {
            try {
                return body == null ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String message() {
            return json().path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final TestRestTemplate http;
    private final String user;
    private final String root;
    private final HttpHeaders session;

    private EngineApi(TestRestTemplate http, String user, String root, HttpHeaders session) {
        this.http = http;
        this.user = user;
        this.root = root;
        this.session = session;
    }

    /** {@code /engine-rest} as the user. */
    static EngineApi rest(TestRestTemplate http, String user) {
        return new EngineApi(http, user, "/engine-rest", null);
    }

    /** Tasklist's API ({@code /camunda/api/engine/engine/default}), logged in as Tasklist does. */
    static EngineApi tasklist(TestRestTemplate http, String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String csrfCookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        String sessionCookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().map(c -> c.split(";")[0]).orElse("");
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.add(HttpHeaders.COOKIE, csrfCookie + "; " + sessionCookie);
        form.add("X-XSRF-TOKEN", csrfCookie.substring("XSRF-TOKEN=".length()));
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
                HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=" + PASSWORD, form), String.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("Tasklist login of " + user + ": " + login.getStatusCode());
        }
        String sessionId = login.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, sessionId);
        ResponseEntity<String> app = http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
                new HttpEntity<>(withSession), String.class); // the session's own CSRF token
        String csrf = app.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        HttpHeaders loggedIn = new HttpHeaders();
        loggedIn.add(HttpHeaders.COOKIE, sessionId + "; XSRF-TOKEN=" + csrf);
        loggedIn.add("X-XSRF-TOKEN", csrf);
        return new EngineApi(http, user, "/camunda/api/engine/engine/default", loggedIn);
    }

    Answer get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    Answer post(String path, String json) {
        return call(HttpMethod.POST, path, json);
    }

    Answer put(String path, String json) {
        return call(HttpMethod.PUT, path, json);
    }

    Answer delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    Answer call(HttpMethod method, String path, String json) {
        return send(method, path, json, MediaType.APPLICATION_JSON);
    }

    Answer send(HttpMethod method, String path, String body, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (session != null) {
            headers.addAll(session);
        }
        if (body != null) {
            headers.setContentType(contentType);
        }
        TestRestTemplate client = session == null ? http.withBasicAuth(user, PASSWORD) : http;
        ResponseEntity<String> answer = client.exchange(root + path, method, new HttpEntity<>(body, headers),
                String.class);
        return new Answer(answer.getStatusCode().value(), answer.getBody(), answer.getHeaders().getContentType());
    }
}
