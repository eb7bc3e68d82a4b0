package dev.collectflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every answer under /api with a status of 400 or more is application/problem+json, including what Tomcat refuses
 * before the application sees it and what Spring MVC answers by itself; never an HTML page, never a 500.
 */
class ProblemAnswersIT extends ApiTestSupport {

    @Test
    void pathsTomcatRefusesAreAnsweredAsProblemsNamingThePathVariable() {
        StoredRecords before = stored();

        assertProblem(send(RawHttp.Request.of("PUT", "/api/clients/bad%2Fcl", FINANCE).json("{\"name\": \"x\"}")),
                400, "clientId");
        assertProblem(send(RawHttp.Request.of("PUT", "/api/clients/bad%5Ccl", FINANCE).json("{\"name\": \"x\"}")),
                400, "clientId");
        assertProblem(send(RawHttp.Request.of("GET", "/api/invoices/%00", FINANCE)), 400, "number");
        assertProblem(send(RawHttp.Request.of("GET", "/api/invoices/%zz", FINANCE)), 400, "number");
        assertProblem(send(RawHttp.Request.of("GET", "/api/invoices/..%2F..%2Fclients", FINANCE)), 400, "number");
        assertProblem(send(RawHttp.Request.of("GET", "/api/../../etc/passwd", FINANCE)), 400, null);

        assertThat(readAsOperator("/api/clients/bad").status()).isEqualTo(404);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void whatSpringMvcAnswersByItselfIsAProblemToo() {
        RawHttp.Answer unknown = send(RawHttp.Request.of("GET", "/api/nothing-here", FINANCE).accepting("text/html"));
        assertProblem(unknown, 404, null);

        RawHttp.Answer wrongMethod = send(RawHttp.Request.of("DELETE", "/api/invoices", FINANCE));
        assertProblem(wrongMethod, 405, null);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
        assertProblem(send(RawHttp.Request.of("TRACE", "/api/invoices", FINANCE)), 405, null);

        assertProblem(send(RawHttp.Request.of("POST", "/api/invoices", FINANCE).withBody("text/plain", "x")), 415,
                null);
        assertProblem(send(RawHttp.Request.of("GET", "/api/payments/unmatched", FINANCE).accepting("text/html")),
                406, null);
        assertProblem(send(RawHttp.Request.of("POST", "/api/invoices", FINANCE).json("{\"number\": ")), 400, null);
        assertProblem(send(RawHttp.Request.of("GET", "/api/payments/unmatched", null)), 401, null);
    }

    @Test
    void everyAnswerTellsTheBrowserItIsDataNotAPage() {
        for (RawHttp.Answer answer : new RawHttp.Answer[] {
                send(RawHttp.Request.of("GET", "/api/payments/unmatched", FINANCE)),
                send(RawHttp.Request.of("GET", "/api/nothing-here", FINANCE)),
                send(RawHttp.Request.of("GET", "/api/payments/unmatched", null)),
                send(RawHttp.Request.of("GET", "/api/invoices/%00", FINANCE))}) {
            assertThat(answer.header("Content-Type")).as(answer.toString()).doesNotContain("html");
            assertThat(answer.body()).as(answer.toString()).doesNotContain("<html", "<!doctype");
        }
        RawHttp.Answer data = send(RawHttp.Request.of("GET", "/api/payments/unmatched", FINANCE));
        assertThat(data.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(data.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'; sandbox");
    }
}
