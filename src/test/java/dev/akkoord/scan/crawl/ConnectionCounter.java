package dev.akkoord.scan.crawl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain TCP listener that answers nothing: it only counts the connections it accepts, and closes them. */
public final class ConnectionCounter implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    /** @param address an address literal; never looked up */
    public ConnectionCounter(byte[] address, int port) throws IOException {
        listener.bind(new InetSocketAddress(InetAddress.getByAddress(address), port));
        acceptor = new Thread(this::acceptAll, "connection-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                accepted.incrementAndGet();
            } catch (IOException e) {
                // closed by close(), or a connection that went away: either way nothing more to count
            }
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5_000);
    }
}
