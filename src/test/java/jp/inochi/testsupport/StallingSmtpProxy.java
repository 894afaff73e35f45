package jp.inochi.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a test SMTP server that can hold one email at the worst moment for a sender: the server has
 * the whole message (it received the end of DATA), and the sender never hears its {@code 250 OK}. Everything before and
 * after passes through. For tests of an instance that dies mid-send.
 */
public final class StallingSmtpProxy implements AutoCloseable {
    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int serverPort;
    private final AtomicInteger passesBeforeStall = new AtomicInteger(Integer.MAX_VALUE);
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public StallingSmtpProxy(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "smtp-proxy-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Lets {@code emails} emails through, then holds the acceptance of the next one (once). */
    public void stallAfter(int emails) {
        passesBeforeStall.set(emails);
    }

    /** Waits until an email is held; false if none was within the time. */
    public boolean awaitStall(long seconds) throws InterruptedException {
        return stalled.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                sockets.add(client);
                sockets.add(server);
                Connection connection = new Connection();
                start(() -> relayToServer(client, server, connection));
                start(() -> relayToClient(server, client, connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable relay) {
        Thread thread = new Thread(relay, "smtp-proxy-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** One sender's conversation: held once the server has its message and must not answer. */
    private static final class Connection {
        volatile boolean held;
    }

    private void relayToServer(Socket client, Socket server, Connection connection) {
        int matched = 0;
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == END_OF_DATA[matched] ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
                    if (matched == END_OF_DATA.length) {
                        matched = 0;
                        // decided before the server sees the end, so its answer finds the connection held
                        if (passesBeforeStall.getAndDecrement() == 0) {
                            connection.held = true;
                        }
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
                if (connection.held) {
                    stalled.countDown();
                }
            }
        } catch (IOException closed) {
            // the sender went away (or was killed)
        }
    }

    private void relayToClient(Socket server, Socket client, Connection connection) {
        try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (connection.held) {
                    continue;  // the server accepted the email; the sender never hears it
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // the sender went away (or was killed)
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
