package dev.collectflow.operations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One CollectFlow node in a JVM of its own, started from the test class path as an operator would start the jar:
 * production profile, its own HTTP port, its own name in Camunda's job log. Its console goes to
 * {@code target/nodes/<name>.log}.
 */
final class Node implements AutoCloseable {

    static final String OPERATOR = "admin";
    static final String OPERATOR_PASSWORD = "Operator-Pa55word";

    private final String name;
    private final String profile;
    private final List<String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;
    private String user = OPERATOR;
    private String password = OPERATOR_PASSWORD;

    private Node(String name, List<String> settings) {
        this(name, "postgres", settings);
    }

    private Node(String name, String profile, List<String> settings) {
        this.name = name;
        this.profile = profile;
        this.settings = settings;
    }

    /** Starts a node (without waiting for it) with the given profile and settings only. */
    static Node startWith(String name, String profile, List<String> settings) {
        Node node = new Node(name, profile, new ArrayList<>(settings));
        node.launch();
        return node;
    }

    /** Starts a node (without waiting for it) on the given database and SMTP server. */
    static Node start(String name, String jdbcUrl, int smtpPort, String... extraSettings) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--camunda.bpm.admin-user.password=" + OPERATOR_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.jmx.enabled=false",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // nodes see each other's new jobs within a second or two, and take over a dead node's jobs soon
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--camunda.bpm.job-execution.lock-time-in-millis=20000"));
        settings.addAll(List.of(extraSettings));
        Node node = new Node(name, settings);
        node.launch();
        return node;
    }

    void launch() {
        port = FreePort.find();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Duser.timezone=UTC"));
        // extra JVM options for every node, e.g. a flight recording while benchmarking
        String options = System.getProperty("collectflow.node.jvm-options", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.replace("{name}", name).split("\\s+")));
        }
        command.addAll(List.of(
                "-cp", classPath(),
                "dev.collectflow.CollectFlowApplication",
                "--spring.profiles.active=" + profile,
                "--server.port=" + port));
        command.addAll(settings);
        try {
            Path logs = Files.createDirectories(Path.of("target", "nodes"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of the tests (Surefire's booter jar hides it from java.class.path). */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path");
        if (path == null || path.isBlank()) {
            path = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }

    /** Waits until the node's readiness probe answers UP (the process must stay alive meanwhile). */
    Node awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + name + " died while starting (exit " + process.exitValue()
                        + "), see target/nodes/" + name + ".log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(500);
        }
        throw new AssertionError("node " + name + " not ready within " + timeout + ", see target/nodes/" + name + ".log");
    }

    /** The same node, called with another user's HTTP Basic credentials. */
    Node asUser(String userId, String userPassword) {
        Node view = new Node(name, profile, settings);
        view.process = process;
        view.port = port;
        view.user = userId;
        view.password = userPassword;
        return view;
    }

    /** The same node, called without credentials. */
    Node anonymous() {
        return asUser(null, null);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** kill -9: no shutdown hook, no graceful end of running jobs. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
