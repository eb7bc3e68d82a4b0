package dev.collectflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two CollectFlow nodes in JVMs of their own on one PostgreSQL database (reached through a relay the test can cut),
 * GreenMail in this JVM as their SMTP server. The tests run in order on the same cluster: both nodes start together
 * on the empty database; 1,000 cases fall due at once; a node dies in the middle of the next 500; the surviving
 * node is killed in the middle of a sweep of 250 and restarted; the database goes away and comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterApplicationIT {

    static final int CASES = Integer.getInteger("collectflow.cluster.cases", 1000);
    private static final Duration START = Duration.ofMinutes(15);
    private static final Duration SWEEP = Duration.ofMinutes(12);
    private static final String NEGOTIATION = "Task_NegotiatePayment";
    private static final Pattern OVERDUE_SUBJECT = Pattern.compile("Overdue: invoice ([A-Z]+-\\d+)");
    /** Jobs a node can hold at once: one acquisition (3) plus the queue (3) plus its threads (10). */
    private static final int JOBS_IN_FLIGHT_PER_NODE = 16;

    private final ObjectMapper json = new ObjectMapper();
    private GreenMail smtp;
    private EmbeddedPostgres postgres;
    private TcpProxy database;
    private String jdbcUrl;
    private Node nodeA;
    private Node nodeB;

    @BeforeAll
    void startInfrastructure() throws Exception {
        smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        database = new TcpProxy(postgres.getPort());
        jdbcUrl = "jdbc:postgresql://127.0.0.1:" + database.port() + "/postgres";
    }

    @AfterAll
    void stopAll() throws Exception {
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void twoNodesStartingTogetherOnAnEmptyDatabaseBothComeUpWithOneSetUp() throws Exception {
        nodeA = Node.start("node-a", jdbcUrl, smtp.getSmtp().getPort());
        nodeB = Node.start("node-b", jdbcUrl, smtp.getSmtp().getPort());
        nodeA.awaitReady(START);
        nodeB.awaitReady(START);

        for (Node node : List.of(nodeA, nodeB)) {
            JsonNode filters = body(node.get("/engine-rest/filter"));
            Map<String, Integer> byName = new HashMap<>();
            filters.forEach(filter -> byName.merge(filter.get("name").asText(), 1, Integer::sum));
            assertThat(byName).as("Tasklist filters seen by " + node.name()).containsKey("My cases")
                    .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
            for (JsonNode filter : filters) {
                assertThat(count(node, "/engine-rest/authorization/count?resourceType=5&groupIdIn="
                        + "finance,sales,salesheads,legal,management&resourceId=" + filter.get("id").asText()))
                        .as("departments that read " + filter.get("name")).isPositive();
            }
            assertThat(count(node, "/engine-rest/authorization/count?groupIdIn=sales&resourceType=0")).isEqualTo(1);
            assertThat(count(node, "/engine-rest/process-definition/count?key=InvoiceCollectionProcess")).isEqualTo(1);
            assertThat(count(node, "/engine-rest/user/count")).isEqualTo(1);
        }

        // the people and the client the cases below belong to
        created(nodeA.post("/engine-rest/user/create", """
                {"profile": {"id": "pia", "firstName": "Pia", "lastName": "Park", "email": "pia@example.com"},
                 "credentials": {"password": "Pia-Pa55word-1"}}"""));
        created(nodeA.post("/engine-rest/user/create", """
                {"profile": {"id": "fred", "firstName": "Fred", "lastName": "Fox", "email": "fred@example.com"},
                 "credentials": {"password": "Fred-Pa55word-1"}}"""));
        created(nodeA.post("/engine-rest/group/create", "{\"id\": \"sales\", \"name\": \"Sales\", \"type\": \"WORKFLOW\"}"));
        created(nodeA.post("/engine-rest/group/create", "{\"id\": \"finance\", \"name\": \"Finance\", \"type\": \"WORKFLOW\"}"));
        created(nodeA.put("/engine-rest/group/sales/members/pia", ""));
        created(nodeA.put("/engine-rest/group/finance/members/fred", ""));
        created(nodeA.asUser("fred", "Fred-Pa55word-1").put("/api/clients/cluster", """
                {"name": "Cluster GmbH", "email": "ap@cluster.example", "owner": "pia", "keyClient": false,
                 "language": "en"}"""));
    }

    @Test
    @Order(2)
    void casesFallingDueAtOnceRunEveryTimerAndStepOnceSharedByBothNodes() throws Exception {
        register("CL", CASES, List.of(nodeA, nodeB));
        makeDueDatesPass();
        awaitCount(() -> negotiations(nodeA), CASES, SWEEP);

        assertOneNegotiationPerCase(CASES);
        Map<String, Integer> mails = overdueMails("CL");
        assertThat(mails).hasSize(CASES);
        assertThat(mails).as("no mail twice").allSatisfy((invoice, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(count(nodeA, "/engine-rest/history/activity-instance/count?activityId=Event_DueDatePassed&finished=true"))
                .isEqualTo(CASES);
        assertThat(count(nodeA, "/engine-rest/history/activity-instance/count?activityId=Task_NotifyOverdue&finished=true"))
                .isEqualTo(CASES);
        assertThat(count(nodeA, "/engine-rest/incident/count")).isZero();
        for (Node node : List.of(nodeA, nodeB)) {
            assertThat(count(nodeA, "/engine-rest/history/job-log/count?successLog=true&hostname=" + node.name()))
                    .as("jobs executed by " + node.name()).isGreaterThan(CASES / 10);
        }
    }

    @Test
    @Order(3)
    void operatorsSeeHealthAndMetrics() throws Exception {
        JsonNode readiness = body(nodeA.anonymous().get("/actuator/health/readiness"));
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(nodeA.anonymous().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(nodeA.asUser("fred", "Fred-Pa55word-1").get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(nodeA.anonymous().get("/actuator/prometheus").statusCode()).isEqualTo(401);

        awaitCount(() -> nodeA.get("/actuator/prometheus").body()
                .contains("collectflow_cases{application=\"collectflow\",stage=\"NEGOTIATION\"} " + CASES + ".0") ? 1 : 0,
                1, Duration.ofMinutes(2));
        String metrics = nodeA.get("/actuator/prometheus").body();
        assertThat(metrics).contains("collectflow_open_amount{application=\"collectflow\",currency=\"EUR\"} "
                + (CASES * 100) + ".0");
        assertThat(metrics).contains("collectflow_jobs_due{", "collectflow_jobs_failing{", "collectflow_incidents{",
                "collectflow_mail_sent_total{", "collectflow_mail_failures_total{",
                "collectflow_case_closing_retries_total{", "name=\"camundaTaskExecutor\"");
    }

    @Test
    @Order(4)
    void whenANodeDiesInTheMiddleOfASweepTheOtherFinishesEveryCase() throws Exception {
        int cases = CASES / 2;
        long before = negotiations(nodeA);
        register("CK", cases, List.of(nodeA, nodeB));
        makeDueDatesPass();
        awaitCount(() -> negotiations(nodeA) - before, cases / 4, SWEEP);
        nodeB.kill();

        awaitCount(() -> negotiations(nodeA) - before, cases, SWEEP);
        assertOneNegotiationPerCase(CASES + cases);
        assertMailsAtLeastOnceAndTwiceOnlyForJobsOfTheDeadNode("CK", cases, JOBS_IN_FLIGHT_PER_NODE);
        assertThat(count(nodeA, "/engine-rest/history/activity-instance/count?activityId=Task_NotifyOverdue&finished=true"))
                .isEqualTo(CASES + cases);
    }

    @Test
    @Order(5)
    void aNodeKilledInTheMiddleOfASweepAndStartedAgainFinishesEveryCaseOnce() throws Exception {
        int cases = CASES / 4;
        long before = negotiations(nodeA);
        register("KR", cases, List.of(nodeA));
        makeDueDatesPass();
        awaitCount(() -> negotiations(nodeA) - before, cases / 4, SWEEP);
        nodeA.kill();
        nodeA.launch();
        nodeA.awaitReady(START);

        awaitCount(() -> negotiations(nodeA) - before, cases, SWEEP);
        assertOneNegotiationPerCase(CASES + CASES / 2 + cases);
        assertMailsAtLeastOnceAndTwiceOnlyForJobsOfTheDeadNode("KR", cases, JOBS_IN_FLIGHT_PER_NODE);
    }

    @Test
    @Order(6)
    void whileTheDatabaseIsAwayTheApiAnswers503AndTheNodeRecoversByItself() throws Exception {
        Node finance = nodeA.asUser("fred", "Fred-Pa55word-1");
        database.cut();
        try {
            HttpResponse<String> refused = finance.get("/api/invoices/CL-0001");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(body(refused).get("status").asInt()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(nodeA.get("/engine-rest/task/count").statusCode()).isEqualTo(503);
            assertThat(nodeA.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        } finally {
            database.restore();
        }

        awaitCount(() -> finance.get("/api/invoices/CL-0001").statusCode() == 200 ? 1 : 0, 1, Duration.ofMinutes(2));
        long before = negotiations(nodeA);
        register("DB", 5, List.of(nodeA));
        makeDueDatesPass();
        awaitCount(() -> negotiations(nodeA) - before, 5, Duration.ofMinutes(3));
    }

    /** Registers invoices due in a month, through the API of the given nodes in turn. */
    private void register(String prefix, int cases, List<Node> nodes) throws Exception {
        LocalDate due = LocalDate.now().plusMonths(1);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 1; i <= cases; i++) {
                Node node = nodes.get(i % nodes.size()).asUser("fred", "Fred-Pa55word-1");
                String invoice = """
                        {"number": "%s-%04d", "clientId": "cluster", "amount": 100.00, "currency": "EUR",
                         "issueDate": "%s", "dueDate": "%s"}""".formatted(prefix, i, due.minusMonths(1), due);
                answers.add(clients.submit(() -> node.post("/api/invoices", invoice)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every waiting due-date timer falls due now, in one statement: the cases fall due at the same moment. */
    private void makeDueDatesPass() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second'"
                    + " where type_ = 'timer' and job_def_id_ in"
                    + " (select id_ from act_ru_jobdef where act_id_ = 'Event_DueDatePassed')");
        }
    }

    private long negotiations(Node node) {
        return count(node, "/engine-rest/task/count?taskDefinitionKey=" + NEGOTIATION);
    }

    private void assertOneNegotiationPerCase(int expected) throws Exception {
        JsonNode tasks = body(nodeA.get("/engine-rest/task?taskDefinitionKey=" + NEGOTIATION + "&maxResults=100000"));
        Map<String, Integer> perCase = new HashMap<>();
        tasks.forEach(task -> perCase.merge(task.get("processInstanceId").asText(), 1, Integer::sum));
        assertThat(tasks.size()).isEqualTo(expected);
        assertThat(perCase).hasSize(expected);
    }

    private void assertMailsAtLeastOnceAndTwiceOnlyForJobsOfTheDeadNode(String prefix, int cases, int inFlight) throws Exception {
        Map<String, Integer> mails = overdueMails(prefix);
        assertThat(mails).as("every case's manager was told").hasSize(cases);
        assertThat(mails.values()).as("a mail goes out at most twice").allSatisfy(copies -> assertThat(copies).isLessThanOrEqualTo(2));
        long twice = mails.values().stream().filter(copies -> copies == 2).count();
        assertThat(twice).as("sent again: only mails whose step the dead node was running").isLessThanOrEqualTo(inFlight);
    }

    /** Overdue mails received per invoice of the given batch. */
    private Map<String, Integer> overdueMails(String prefix) throws MessagingException {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Matcher matcher = OVERDUE_SUBJECT.matcher(message.getSubject());
            if (matcher.find() && matcher.group(1).startsWith(prefix + "-")) {
                copies.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        return copies;
    }

    private long count(Node node, String path) {
        HttpResponse<String> response = node.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body()).get("count").asLong();
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private static void awaitCount(LongSupplier count, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = count.getAsLong();
                if (last >= expected) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                // a node being restarted or the database coming back: ask again
            }
            Node.sleep(1000);
        }
        throw new AssertionError("expected " + expected + " within " + timeout + ", last seen " + last);
    }
}
