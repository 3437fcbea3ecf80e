package lv.opengov.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged application ({@code java -jar}, the jar Maven's package phase built) as a separate
 * process, for the fault tests: started on a given database and SMTP server, on the shared
 * {@link FakeTime} clock, killed with SIGKILL or stopped with SIGTERM. Its output goes to a log file
 * under {@code target/fault-logs}, named after the node and its start.
 */
public final class JarNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> arguments;
    private final FakeTime time;
    private Process process;
    private int starts;
    private long startedAt;

    private JarNode(String name, FakeTime time, List<String> arguments) {
        this.name = name;
        this.time = time;
        this.port = freePort();
        this.arguments = arguments;
    }

    /**
     * A node in the demo and postgres profiles (the demo users, the database of the given URL), sending
     * mail to the SMTP server on the given port of 127.0.0.1, with the given further arguments.
     */
    public static JarNode of(String name, FakeTime time, String databaseUrl, int smtpPort, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo,postgres",
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(), "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort, "--reporting.node.name=" + name, "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(more));
        return new JarNode(name, time, arguments);
    }

    /** The jar the package phase built, which Failsafe names in {@code reporting.jar}. */
    public static Path jar() {
        String given = System.getProperty("reporting.jar");
        if (given == null || !Files.isRegularFile(Path.of(given))) {
            throw new IllegalStateException("No packaged jar at '" + given
                    + "': the fault tests run in Maven's integration-test phase, after package (./mvnw verify)");
        }
        return Path.of(given);
    }

    public synchronized JarNode start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        Path log = Path.of("target", "fault-logs", name + "-" + (++starts) + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(time.environment());
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the readiness probe answers UP; returns the time from the start to then. */
    public Duration awaitReady(Duration atMost) {
        Awaitility.await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue()
                        + " before it was ready; see " + Path.of("target", "fault-logs", name + "-" + starts + ".log"));
            }
            return status("/actuator/health/readiness") == 200;
        });
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** SIGKILL: the process ends at once, as on a power cut or the kernel's out-of-memory killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The operating system's id of the running process. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The process's wall clock, as its web server dates an answer (to the second). */
    public java.time.Instant clock() {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(url("/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return java.time.ZonedDateTime.parse(answer.headers().firstValue("Date").orElseThrow(),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
