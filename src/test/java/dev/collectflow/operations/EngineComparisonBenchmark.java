package dev.collectflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.collectflow.collection.InvoiceCollectionProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Not a test: a benchmark (Maven profile {@code benchmark}, see BENCHMARKS.md). CollectFlow against the bare Camunda
 * engine in the same run, on the same database and the same HTTP stack: the bare side is a minimal process
 * (start → due-date timer → user task) that this benchmark deploys into the same node and drives over
 * {@code /engine-rest}, with the same user and HTTP Basic authentication as the application's {@code /api}. Nodes
 * run in JVMs of their own ({@link Node}); figures are measured from outside over HTTP. Prints every figure, every
 * ratio and the machine's load.
 */
class EngineComparisonBenchmark {

    private static final String DATABASES = System.getProperty("benchmark.databases", "h2,postgres");
    private static final String PHASES = System.getProperty("benchmark.phases", "intake,sweep,two-nodes,open-cases");
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
    private static final int INTAKE = Integer.getInteger("benchmark.intake", 300);
    private static final int SWEEP_H2 = Integer.getInteger("benchmark.sweep.h2", 1000);
    private static final int SWEEP_POSTGRES = Integer.getInteger("benchmark.sweep.postgres", 1000);
    private static final int OPEN_CASES = Integer.getInteger("benchmark.open-cases", 100_000);
    /** Payments per second, measured one after the other (e.g. "10,25,50"). */
    private static final List<Integer> PAYMENT_RATES = java.util.Arrays.stream(
            System.getProperty("benchmark.payment-rate", "50").split(",")).map(String::strip).map(Integer::valueOf).toList();
    private static final int PAYMENT_SECONDS = Integer.getInteger("benchmark.payment-seconds", 60);
    private static final Duration SWEEP_LIMIT = Duration.ofMinutes(Integer.getInteger("benchmark.sweep-minutes", 10));

    private static final String BARE_PROCESS = "BareTimerTask";
    private static final String NEGOTIATION = "Task_NegotiatePayment";
    private static final String BARE_TASK = "Task_Bare";
    private static final String CLIENT = "bench";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> results = new LinkedHashMap<>();
    /**
     * When the last sweep moved its timers: jobs logged since then are the sweep's (the copies' history holds their
     * template's finished jobs too, with its node's name and time).
     */
    private Timestamp sweepStarted;
    private GreenMail smtp;

    @Test
    void collectFlowAgainstTheBareEngine() throws Exception {
        System.out.println(machine());
        smtp = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            if (DATABASES.contains("h2")) {
                onH2();
            }
            if (DATABASES.contains("postgres")) {
                onPostgres();
            }
        } finally {
            smtp.stop();
        }
        System.out.println("\n=== Results (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ") ===");
        results.forEach((name, value) -> System.out.printf("| %s | %s |%n", name, value));
        System.out.println("Load average at the end: " + loadAverage());
    }

    // ---------------------------------------------------------------------------------------------------- H2

    private void onH2() throws Exception {
        Path directory = Path.of("target", "benchmark-h2", Long.toString(System.currentTimeMillis())).toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        // AUTO_SERVER: the node opens the file, this JVM reaches the same database over the node's TCP server
        String url = "jdbc:h2:file:" + directory.resolve("collectflow") + ";AUTO_SERVER=TRUE";
        long started = System.nanoTime();
        try (Node node = Node.startWith("bench-h2", "benchmark", settings(url, "sa", "", "bench-h2"))) {
            node.awaitReady(Duration.ofMinutes(10));
            record("H2: start-up on an empty database, s", seconds(started));
            Database database = new Database(url, "sa", "", false);
            prepare(node);
            if (PHASES.contains("intake")) {
                intake("H2", node, database);
            }
            if (PHASES.contains("sweep")) {
                sweep("H2", database, List.of(node), SWEEP_H2, true);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- PostgreSQL

    private void onPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            Database database = new Database(url, "postgres", "postgres", true);
            System.out.println("PostgreSQL: " + database.single("select version()"));
            long started = System.nanoTime();
            Node nodeA = Node.startWith("bench-pg-a", "postgres", settings(url, "postgres", "postgres", "bench-pg-a"));
            Node nodeB = null;
            try {
                nodeA.awaitReady(Duration.ofMinutes(10));
                record("PostgreSQL: start-up on an empty database (schema by Flyway), s", seconds(started));
                prepare(nodeA);
                if (PHASES.contains("intake")) {
                    intake("PostgreSQL", nodeA, database);
                }
                if (PHASES.contains("sweep")) {
                    double one = sweep("PostgreSQL, one node", database, List.of(nodeA), SWEEP_POSTGRES, true);
                    if (PHASES.contains("two-nodes")) {
                        nodeB = Node.startWith("bench-pg-b", "postgres",
                                settings(url, "postgres", "postgres", "bench-pg-b"));
                        nodeB.awaitReady(Duration.ofMinutes(10));
                        double two = sweep("PostgreSQL, two nodes", database, List.of(nodeA, nodeB), SWEEP_POSTGRES,
                                false);
                        record("PostgreSQL: sweep two nodes / one node", ratio(two, one));
                        nodeB.close();
                        nodeB = null;
                    }
                }
                if (!PHASES.contains("open-cases")) {
                    printScans(database);
                    return;
                }
                openCases(database, nodeA);
                printScans(database);
                long restart = System.nanoTime();
                nodeA.close();
                nodeA.launch();
                nodeA.awaitReady(Duration.ofMinutes(10));
                record("PostgreSQL: start-up with " + String.format("%,d", OPEN_CASES) + " open cases, s",
                        seconds(restart));
            } finally {
                if (nodeB != null) {
                    nodeB.close();
                }
                nodeA.close();
            }
        }
    }

    private List<String> settings(String url, String user, String password, String name) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--camunda.bpm.admin-user.id=" + Node.OPERATOR,
                "--camunda.bpm.admin-user.password=" + Node.OPERATOR_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--spring.jmx.enabled=false",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // timers moved by this benchmark are seen within 2 s, by both sides alike
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--collectflow.metrics.refresh-interval=PT10S"));
        // settings to compare, e.g. -Dbenchmark.node-settings=--collectflow.api.login-memory=PT0S
        String extra = System.getProperty("benchmark.node-settings", "").strip();
        if (!extra.isEmpty()) {
            settings.addAll(List.of(extra.split("\\s+")));
        }
        System.out.println("Node settings: " + settings.subList(5, settings.size()));
        return settings;
    }

    /** The people and the client of the cases, and the bare process, deployed into the same engine. */
    private void prepare(Node node) throws Exception {
        ok(node.post("/engine-rest/user/create", """
                {"profile": {"id": "pia", "firstName": "Pia", "lastName": "Park", "email": "pia@example.com"},
                 "credentials": {"password": "Pia-Pa55word-1"}}"""));
        ok(node.post("/engine-rest/group/create", "{\"id\": \"sales\", \"name\": \"Sales\", \"type\": \"WORKFLOW\"}"));
        ok(node.put("/engine-rest/group/sales/members/pia", ""));
        ok(node.put("/api/clients/" + CLIENT, """
                {"name": "Bench GmbH", "email": "ap@bench.example", "owner": "pia", "keyClient": false,
                 "language": "en"}"""));
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             id="BareDefinitions" targetNamespace="http://collectflow.dev/benchmark">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Start" />
                    <sequenceFlow id="ToDue" sourceRef="Start" targetRef="Due" />
                    <intermediateCatchEvent id="Due">
                      <timerEventDefinition>
                        <timeDate xsi:type="tFormalExpression">${dueAt}</timeDate>
                      </timerEventDefinition>
                    </intermediateCatchEvent>
                    <sequenceFlow id="ToTask" sourceRef="Due" targetRef="%s" />
                    <userTask id="%s" camunda:assignee="pia" />
                    <sequenceFlow id="ToEnd" sourceRef="%s" targetRef="End" />
                    <endEvent id="End" />
                  </process>
                </definitions>
                """.formatted(BARE_PROCESS, BARE_TASK, BARE_TASK, BARE_TASK);
        String boundary = "----bare" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbare\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bare.bpmn\"; filename=\"bare.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        ok(node.postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, multipart));
    }

    // -------------------------------------------------------------------------------------------------- intake

    private void intake(String db, Node node, Database database) throws Exception {
        LocalDate due = LocalDate.now().plusMonths(1);
        String dueAt = due.atStartOfDay().toString();
        IntFunction<Request> api = i -> new Request("/api/invoices", """
                {"number": "IN-%d", "clientId": "%s", "amount": 100.00, "currency": "EUR",
                 "issueDate": "%s", "dueDate": "%s"}""".formatted(i, CLIENT, due.minusMonths(1), due), 201);
        IntFunction<Request> bare = i -> new Request("/engine-rest/process-definition/key/" + BARE_PROCESS + "/start", """
                {"businessKey": "BI-%d", "variables": {"clientId": {"value": "%s", "type": "String"},
                 "dueAt": {"value": "%s", "type": "String"}}}""".formatted(i, CLIENT, dueAt), 200);
        int warmUp = Math.max(50, INTAKE / 5);
        AtomicInteger numbers = new AtomicInteger();
        run(node, api, numbers, warmUp);
        run(node, bare, numbers, warmUp);
        System.out.printf("%n%s intake, %d clients, load %s%n", db, CLIENTS, loadAverage());
        // alternating blocks (A B B A …), so both sides see the same changes of the shared machine's load
        int blocks = 10;
        int perBlock = Math.max(1, INTAKE / blocks);
        double apiSeconds = 0;
        double bareSeconds = 0;
        for (int block = 0; block < blocks; block++) {
            boolean apiFirst = block % 2 == 0;
            double first = run(node, apiFirst ? api : bare, numbers, perBlock);
            double second = run(node, apiFirst ? bare : api, numbers, perBlock);
            double a = apiFirst ? first : second;
            double b = apiFirst ? second : first;
            System.out.printf("  block %d: /api %.1f/s, /engine-rest %.1f/s, load %s%n", block + 1, perBlock / a,
                    perBlock / b, loadAverage());
            apiSeconds += a;
            bareSeconds += b;
        }
        double apiRate = blocks * perBlock / apiSeconds;
        double bareRate = blocks * perBlock / bareSeconds;
        record(db + ": intake /api, invoices/s", String.format("%.1f", apiRate));
        record(db + ": intake bare /engine-rest, starts/s", String.format("%.1f", bareRate));
        record(db + ": intake ratio (goal >= 0.9)", ratio(apiRate, bareRate));
        if (database.postgres()) {
            int sample = 100;
            System.out.println("  database work per request (pg_stat_database, " + sample + " requests each):");
            for (var side : List.of(Map.entry("/api", api), Map.entry("/engine-rest", bare))) {
                long[] before = databaseWork(database);
                run(node, side.getValue(), numbers, sample);
                printWork(side.getKey(), before, databaseWork(database), sample);
            }
        }
    }

    private static void printWork(String label, long[] before, long[] after, int count) {
        System.out.printf("    %-22s transactions %.1f, rows read %.1f, inserted %.1f, updated %.1f, deleted %.1f%n",
                label, (after[0] - before[0]) / (double) count, (after[1] - before[1]) / (double) count,
                (after[2] - before[2]) / (double) count, (after[3] - before[3]) / (double) count,
                (after[4] - before[4]) / (double) count);
    }

    /** Commits and rows of the database so far (the statistics arrive within half a second). */
    private static long[] databaseWork(Database database) throws Exception {
        Thread.sleep(1500);
        try (Connection connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select xact_commit, tup_returned + tup_fetched, tup_inserted,"
                     + " tup_updated, tup_deleted from pg_stat_database where datname = current_database()")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)};
        }
    }

    private record Request(String path, String body, int status) {
    }

    /** Sends the requests with CLIENTS concurrent clients; answers the seconds taken. */
    private double run(Node node, IntFunction<Request> requests, AtomicInteger numbers, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Request request = requests.apply(numbers.incrementAndGet());
                done.add(clients.submit(() -> {
                    HttpResponse<String> response = node.post(request.path(), request.body());
                    if (response.statusCode() != request.status()) {
                        throw new AssertionError(request.path() + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return seconds(start);
        } finally {
            clients.shutdownNow();
        }
    }

    // --------------------------------------------------------------------------------------------------- sweep

    /**
     * N cases fall due at once: CollectFlow's (timer, confirm the open amount, the overdue mail as its own step,
     * the negotiation task) and, on the first run, the bare process's (timer, user task). Both populations are
     * cloned in SQL from one instance started over HTTP, then every timer of the population is moved to now in one
     * statement; the time runs until every task exists. Answers CollectFlow's cases per second.
     */
    private double sweep(String label, Database database, List<Node> nodes, int cases, boolean withBare)
            throws Exception {
        Node node = nodes.get(0);
        if (withBare) {
            // every step once before timing, so no first-time set-up (templates, mail session, model cache) is timed
            int warmUp = Math.max(20, cases / 20);
            System.out.printf("%n%s warm-up sweep of %d cases: CollectFlow %.1f s, bare %.1f s%n", label, warmUp,
                    sweepCollectFlow(database, node, warmUp, false), sweepBare(database, node, warmUp, false));
        }
        System.out.printf("%n%s sweep of %,d cases, load %s%n", label, cases, loadAverage());
        double seconds = sweepCollectFlow(database, node, cases, true);
        double rate = cases / seconds;
        record(label + ": sweep of " + String.format("%,d", cases) + " cases, s", String.format("%.1f", seconds));
        record(label + ": sweep, cases/s", String.format("%.1f", rate));
        System.out.printf("  CollectFlow: %.1f s = %.1f cases/s, load %s%n", seconds, rate, loadAverage());
        if (nodes.size() > 1) {
            for (Node each : nodes) {
                System.out.printf("  jobs run by %s: %,d%n", each.name(),
                        jobsRunBy(database, each, sweepStarted));
            }
        }
        if (withBare) {
            double bareSeconds = sweepBare(database, node, cases, true);
            double bareRate = cases / bareSeconds;
            System.out.printf("  bare engine: %.1f s = %.1f cases/s, load %s%n", bareSeconds, bareRate, loadAverage());
            record(label + ": bare sweep, cases/s", String.format("%.1f", bareRate));
            record(label + ": sweep ratio (goal >= 0.6)", ratio(rate, bareRate));
        }
        return rate;
    }

    /** CollectFlow cases falling due at once until each has its negotiation task (and each mail arrived); seconds. */
    private double sweepCollectFlow(Database database, Node node, int cases, boolean measured) throws Exception {
        String prefix = "SW" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        LocalDate due = LocalDate.now().plusMonths(1);
        ok(node.post("/api/invoices", """
                {"number": "%s", "clientId": "%s", "amount": 100.00, "currency": "EUR",
                 "issueDate": "%s", "dueDate": "%s"}""".formatted(prefix, CLIENT, due.minusMonths(1), due)));
        awaitAsynchronousSteps(database, prefix);
        Cloner.cloneCase(database, prefix, cases);
        int mailsBefore = smtp.getReceivedMessages().length;
        double seconds = timeSweep(database, prefix + "-%", NEGOTIATION, cases, measured ? "CollectFlow" : null);
        awaitMails(mailsBefore + cases);
        printSteps(database, prefix);
        return seconds;
    }

    /**
     * Waits until the template case ran its asynchronous steps (the pressure scale plans its first step in one), so
     * its copies wait at their timers as a case registered a while ago does.
     */
    private static void awaitAsynchronousSteps(Database database, String businessKey) throws Exception {
        String pending = "select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_"
                + " where e.business_key_ = '" + businessKey + "' and j.type_ = 'message'";
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (database.count(pending) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the asynchronous steps of " + businessKey + " did not run within a minute");
            }
            Thread.sleep(100);
        }
    }

    /** Bare timer → user task instances falling due at once until each has its task; seconds. */
    private double sweepBare(Database database, Node node, int cases, boolean measured) throws Exception {
        String prefix = "BS" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        ok(node.post("/engine-rest/process-definition/key/" + BARE_PROCESS + "/start", """
                {"businessKey": "%s", "variables": {"dueAt": {"value": "%s", "type": "String"}}}"""
                .formatted(prefix, LocalDate.now().plusMonths(1).atStartOfDay())));
        Cloner.cloneBare(database, prefix, cases);
        return timeSweep(database, prefix + "-%", BARE_TASK, cases, measured ? "bare" : null);
    }

    /** Per step of the swept cases: how many ran and how long each took on average (Camunda's history). */
    private static void printSteps(Database database, String prefix) throws SQLException {
        try (Connection connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select a.act_id_, count(*), avg(a.duration_) from act_hi_actinst a"
                     + " join act_hi_procinst p on p.id_ = a.proc_inst_id_ where p.business_key_ like '" + prefix
                     + "-%' and a.end_time_ is not null group by a.act_id_ order by avg(a.duration_) desc")) {
            StringBuilder steps = new StringBuilder("  steps (count, average ms):");
            while (rows.next()) {
                steps.append(String.format(" %s %d %.0f;", rows.getString(1), rows.getLong(2), rows.getDouble(3)));
            }
            System.out.println(steps);
        }
    }

    private static long jobsRunBy(Database database, Node node, Timestamp since) throws SQLException {
        return database.count("select count(*) from act_hi_job_log where hostname_ = '" + node.name()
                + "' and job_state_ = 2 and timestamp_ >= timestamp '" + since + "'");
    }

    /**
     * Moves the timers of these cases to now and waits until each has its task; seconds. With a label, on PostgreSQL,
     * prints the database work of the sweep alone (not the copying of the cases) per case.
     */
    private double timeSweep(Database database, String businessKeys, String taskKey, int cases, String workLabel)
            throws Exception {
        long[] workBefore = workLabel != null && database.postgres() ? databaseWork(database) : null;
        // the tasks this sweep created, from the index on the creation time: polled often, it must not cost the
        // database what the sweep needs (a scan of the executions by business key read ~10,000 rows per case)
        sweepStarted = new Timestamp(System.currentTimeMillis());
        String tasks = "select count(*) from act_ru_task where create_time_ >= timestamp '" + sweepStarted
                + "' and task_def_key_ = '" + taskKey + "'";
        long start = System.nanoTime();
        database.update("update act_ru_job set duedate_ = " + (database.postgres ? "now()" : "current_timestamp")
                + " - interval '1' second where type_ = 'timer' and process_def_key_ in ('"
                + InvoiceCollectionProcess.KEY + "', '" + BARE_PROCESS + "') and process_instance_id_ in"
                + " (select id_ from act_ru_execution where business_key_ like '" + businessKeys + "')");
        long deadline = start + SWEEP_LIMIT.toNanos();
        long done = 0;
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (var rows = statement.executeQuery(tasks)) {
                    rows.next();
                    done = rows.getLong(1);
                }
                if (done >= cases) {
                    double seconds = seconds(start);
                    assertThat(done).as("one task per case").isEqualTo(cases);
                    if (workBefore != null) {
                        printWork(workLabel + ", per case", workBefore, databaseWork(database), cases);
                    }
                    return seconds;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("sweep not done within " + SWEEP_LIMIT + ": " + done + " of " + cases);
    }

    private void awaitMails(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (smtp.getReceivedMessages().length < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(smtp.getReceivedMessages().length).as("overdue mails").isGreaterThanOrEqualTo(expected);
        smtp.purgeEmailFromAllMailboxes();
    }

    // ------------------------------------------------------------------------------- open cases: memory, payments

    private void openCases(Database database, Node node) throws Exception {
        LocalDate due = LocalDate.now().plusMonths(1);
        long open = database.count("select count(*) from invoice where status = 'OPEN'");
        String prefix = "OC";
        ok(node.post("/api/invoices", """
                {"number": "%s", "clientId": "%s", "amount": 100.00, "currency": "EUR",
                 "issueDate": "%s", "dueDate": "%s"}""".formatted(prefix, CLIENT, due.minusMonths(1), due)));
        awaitAsynchronousSteps(database, prefix);
        int cloned = 0;
        List<Integer> levels = new ArrayList<>();
        for (int level : new int[] {10_000, 50_000, 100_000}) {
            if (level < OPEN_CASES) {
                levels.add(level);
            }
        }
        levels.add(OPEN_CASES);
        System.out.printf("%nOpen cases: %,d open before, load %s%n", open, loadAverage());
        for (int level : levels) {
            int more = (int) Math.max(0, level - open - 1 - cloned);
            long start = System.nanoTime();
            Cloner.cloneCase(database, prefix, cloned, more);
            cloned += more;
            System.out.printf("  cloned up to %,d open cases in %.1f s%n", level, seconds(start));
            Thread.sleep(12_000); // one refresh of the case metrics at this size
            payments(node, prefix, cloned, PAYMENT_RATES.get(0), Math.min(500, PAYMENT_RATES.get(0) * 10),
                    "warm-up at " + level);
            record(String.format("PostgreSQL: heap after GC at %,d open cases, MB", level),
                    String.format("%.0f", heapAfterGc(node)));
        }
        for (int rate : PAYMENT_RATES) {
            List<Double> latencies = payments(node, prefix, cloned, rate, rate * PAYMENT_SECONDS,
                    "measured at " + OPEN_CASES);
            Collections.sort(latencies);
            record(String.format("PostgreSQL: payment latency at %d/s, %,d open cases, p50 ms", rate, OPEN_CASES),
                    String.format("%.1f", percentile(latencies, 0.50)));
            record(String.format("PostgreSQL: payment latency at %d/s, %,d open cases, p99 ms (goal < 50)", rate,
                    OPEN_CASES), String.format("%.1f", percentile(latencies, 0.99)));
            record(String.format("PostgreSQL: payment latency at %d/s, max ms", rate),
                    String.format("%.1f", latencies.get(latencies.size() - 1)));
            Thread.sleep(15_000); // the cases paid end and their mails go out before the next rate
        }
        long closed = database.count("select count(*) from invoice i where i.number like '" + prefix + "-%'"
                + " and i.status = 'PAID' and not exists (select 1 from act_ru_execution e where e.business_key_ ="
                + " i.number)");
        long paid = database.count("select count(*) from invoice where number like '" + prefix + "-%'"
                + " and status = 'PAID'");
        System.out.printf("  paid %,d cases, of which %,d have ended their process%n", paid, closed);
    }

    private int paymentNumber;

    /**
     * Pays cloned invoices in full at rate per second, open loop (a request is sent at its time whether or
     * not earlier ones answered); answers each request's time from its planned start to its answer, in ms.
     */
    private List<Double> payments(Node node, String prefix, int cloned, int rate, int count, String label)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger refused = new AtomicInteger();
        List<Future<Double>> answers = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                int invoice = 1 + (int) ((paymentNumber++ * 7919L) % cloned);
                String body = """
                        {"paymentId": "PAY-%d", "invoiceNumber": "%s-%d", "amount": 100.00, "currency": "EUR",
                         "paidOn": "%s"}""".formatted(paymentNumber, prefix, invoice, LocalDate.now());
                long planned = start + i * interval;
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                answers.add(senders.submit(() -> {
                    HttpResponse<String> response = node.post("/api/payments", body);
                    double ms = (System.nanoTime() - planned) / 1e6;
                    if (response.statusCode() != 201 && response.statusCode() != 200) {
                        refused.incrementAndGet();
                        System.out.println("  payment answered " + response.statusCode());
                    }
                    return ms;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            for (Future<Double> answer : answers) {
                latencies.add(answer.get());
            }
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("  payments %s: %d at %d/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, refused %d, load %s%n",
                    label, count, rate, percentile(sorted, 0.5), percentile(sorted, 0.99),
                    sorted.get(sorted.size() - 1), refused.get(), loadAverage());
            if (label.startsWith("measured")) {
                record("PostgreSQL: payments refused at " + rate + "/s (503, no connection within 10 s)",
                        String.valueOf(refused.get()));
            }
            return latencies;
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * Tables read by sequential scans over many rows (where an index is missing), and the statements that took the
     * database's time (pg_stat_statements).
     */
    private static void printScans(Database database) throws SQLException {
        System.out.println("\nTables read row by row (PostgreSQL statistics, most rows read first):");
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("select relname, seq_scan, seq_tup_read, idx_scan, n_live_tup"
                    + " from pg_stat_user_tables order by seq_tup_read desc limit 15")) {
                while (rows.next()) {
                    System.out.printf("  %-28s seq scans %,10d  rows read %,14d  index scans %,12d  rows %,10d%n",
                            rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
                }
            }
            statement.execute("create extension if not exists pg_stat_statements");
            System.out.println("\nStatements by total time (pg_stat_statements):");
            try (var rows = statement.executeQuery("select calls, total_exec_time, rows, shared_blks_hit"
                    + " + shared_blks_read, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                    + " order by total_exec_time desc limit 15")) {
                while (rows.next()) {
                    String query = rows.getString(5);
                    System.out.printf("  %,9d calls %,10.0f ms %,11d rows %,13d blocks  %s%n", rows.getLong(1),
                            rows.getDouble(2), rows.getLong(3), rows.getLong(4),
                            query.substring(0, Math.min(300, query.length())));
                }
            }
        }
    }

    /** Heap in use after a full collection of the node's JVM, in MB. */
    private double heapAfterGc(Node node) throws Exception {
        jcmd(node, "GC.run");
        String metrics = node.get("/actuator/prometheus").body();
        Matcher heap = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)").matcher(metrics);
        double bytes = 0;
        while (heap.find()) {
            bytes += Double.parseDouble(heap.group(1));
        }
        return bytes / (1024 * 1024);
    }

    private static void jcmd(Node node, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(node.pid()), command).redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        jcmd.waitFor();
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** Direct SQL on the node's database (moving timers, cloning cases, counting). */
    record Database(String url, String user, String password, boolean postgres) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        long count(String sql) throws SQLException {
            return Long.parseLong(single(sql));
        }

        String single(String sql) throws SQLException {
            try (Connection connection = connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getString(1);
            }
        }

        int update(String sql) throws SQLException {
            try (Connection connection = connect(); var statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }
    }

    private void record(String name, String value) {
        results.put(name, value);
        System.out.printf("  %s: %s%n", name, value);
    }

    private static String ratio(double measured, double baseline) {
        return String.format("%.2f", measured / baseline);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String seconds(double seconds) {
        return String.format("%.1f", seconds);
    }

    private void record(String name, double seconds) {
        record(name, seconds(seconds));
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() throws IOException {
        String cpu = "unknown";
        String memory = "unknown";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                cpu = line.substring(line.indexOf(':') + 1).strip();
                break;
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal")) {
                memory = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return String.format("Machine: %d cores, %s, %s RAM, %s %s, Java %s (%s); nodes -Xmx512m SerialGC;"
                        + " load average %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadAverage());
    }

}
