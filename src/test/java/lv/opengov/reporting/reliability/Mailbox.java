package lv.opengov.reporting.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) on a fixed port of 127.0.0.1 that can be stopped and started again on
 * the same port, as a mail server that goes down and comes back; it remembers every message it accepted
 * across its restarts, by the outbox's Message-ID and idempotency key ({@code X-Reporting-Key}).
 */
final class Mailbox implements AutoCloseable {

    /** One message as the server accepted it. */
    record Delivery(String messageId, String key) {
    }

    private final int port;
    private final List<Delivery> before = new ArrayList<>();
    private GreenMail server;

    Mailbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    int port() {
        return port;
    }

    synchronized void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops the server: connections are refused until {@link #start()}. */
    synchronized void stop() {
        before.addAll(current());
        server.stop();
        server = null;
    }

    synchronized List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>(before);
        all.addAll(current());
        return all;
    }

    /** The deliveries whose idempotency key matches. */
    List<Delivery> deliveries(Predicate<String> key) {
        return deliveries().stream().filter(d -> key.test(d.key())).toList();
    }

    /** How many times each Message-ID of the matching keys arrived. */
    Map<String, Long> countsByMessageId(Predicate<String> key) {
        return deliveries(key).stream().collect(Collectors.groupingBy(Delivery::messageId, Collectors.counting()));
    }

    private List<Delivery> current() {
        if (server == null) {
            return List.of();
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                deliveries.add(new Delivery(message.getMessageID(), message.getHeader("X-Reporting-Key", null)));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return deliveries;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
