package lv.opengov.reporting.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the application and a server (PostgreSQL, say) that a test can cut, as a
 * database that goes down or restarts would: {@link #cut()} closes every connection through it, both
 * sides at once, and closes its port, so that new connections are refused; {@link #restore()} opens
 * the same port again and forwards as before. It listens on 127.0.0.1 on a free port; each connection
 * is pumped by two daemon threads, one each way.
 */
public final class TcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** The listening socket, or null while cut. */
    private ServerSocket listener;

    private TcpProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listener.getLocalPort();
        listen(listener);
    }

    /** A proxy to the target, listening on 127.0.0.1 on a free port. */
    public static TcpProxy start(String targetHost, int targetPort) {
        return new TcpProxy(targetHost, targetPort, bind(0));
    }

    public int port() {
        return port;
    }

    /** The connections open through the proxy now. */
    public int openConnections() {
        return connections.size();
    }

    /** Closes every connection, both sides, and the port: a client is refused until {@link #restore()}. */
    public synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        List.copyOf(connections).forEach(Connection::close);
    }

    /** Opens the same port again and forwards each new connection; nothing if it is open. */
    public synchronized void restore() {
        if (listener == null) {
            listen(bind(port));
        }
    }

    @Override
    public void close() {
        cut();
    }

    /**
     * Reuses the address, so that the port can be bound again right after {@link #cut()}, while the
     * connections it closed linger in the kernel.
     */
    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private synchronized void listen(ServerSocket socket) {
        listener = socket;
        daemon("tcp-proxy-" + port + "-accept", () -> accept(socket)).start();
    }

    private void accept(ServerSocket socket) {
        while (true) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return; // cut or closed
            }
            forward(socket, client);
        }
    }

    private void forward(ServerSocket acceptedBy, Socket client) {
        Socket server = new Socket();
        try {
            // as the database's driver does: small messages go at once, not held for coalescing
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        Connection connection = new Connection(client, server);
        synchronized (this) {
            // accepted just before a cut: it goes the way of the others
            if (listener != acceptedBy) {
                connection.close();
                return;
            }
            connections.add(connection);
        }
        connection.start();
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }

    /** A client's connection and the proxy's own to the target; when either ends, both are closed. */
    private final class Connection {

        private final Socket client;
        private final Socket server;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            String name = "tcp-proxy-" + port + "-" + client.getPort();
            daemon(name + "-up", () -> pump(client, server)).start();
            daemon(name + "-down", () -> pump(server, client)).start();
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed or was cut: the other follows
            } finally {
                close();
            }
        }

        void close() {
            connections.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }
    }
}
