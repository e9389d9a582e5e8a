package io.github.statestore.bench.memorys3;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A loopback HTTP/1.1 server on one thread: a selector reads requests from every connection, the handler
 * answers each as soon as it is read, and the answer waits in a queue ordered by due time until its
 * request is {@code delay} old; the selector sleeps until the next answer is due or a socket is ready, so
 * nothing spins and no thread waits per request. Answers are sent at most about a millisecond late (the
 * selector's timeout has millisecond resolution), never early. Thread-safe to start and close; everything
 * else runs on its own thread.
 */
final class HttpLoop implements AutoCloseable {
    private static final int BACKLOG = 4096;
    private static final int SCRATCH = 64 << 10;

    /** An encoded answer, due at a time. */
    private record Due(long at, long seq, HttpConnection connection, ByteBuffer bytes, boolean close) {
    }

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Function<HttpRequest, ByteBuffer> handler;
    private final long delayNanos;
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at)
            .thenComparingLong(Due::seq));
    private final Thread thread;
    private long seq;
    private volatile boolean open = true;

    /**
     * Starts serving on a free loopback port.
     *
     * @param delayNanos how long after it was read each request is answered
     * @param handler answers a request with the bytes of the whole HTTP response; runs on the loop's thread
     * @param name the thread's name
     */
    HttpLoop(long delayNanos, Function<HttpRequest, ByteBuffer> handler, String name) throws IOException {
        this.delayNanos = delayNanos;
        this.handler = handler;
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** {@return the port it listens on} */
    int port() {
        return server.socket().getLocalPort();
    }

    /** {@return the CPU time its thread has used, in nanoseconds} */
    long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void run() {
        ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH);
        while (open) {
            try {
                select();
            } catch (IOException e) {
                return;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isValid() && key.isAcceptable()) {
                    accept();
                } else if (key.attachment() instanceof HttpConnection connection) {
                    serve(key, connection, scratch);
                }
            }
            selector.selectedKeys().clear();
            sendDue();
        }
    }

    private void select() throws IOException {
        Due next = due.peek();
        if (next == null) {
            selector.select();
            return;
        }
        long wait = next.at() - System.nanoTime();
        if (wait <= 0) {
            selector.selectNow();
        } else {
            selector.select((wait + 999_999) / 1_000_000);
        }
    }

    private void accept() {
        try {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                key.attach(new HttpConnection(channel, key));
            }
        } catch (IOException e) {
            // A connection that failed while being accepted: its client sees it closed.
        }
    }

    private void serve(SelectionKey key, HttpConnection connection, ByteBuffer scratch) {
        try {
            if (key.isValid() && key.isWritable()) {
                connection.flush();
                if (connection.flushed() && connection.closing()) {
                    connection.close();
                    return;
                }
            }
            if (key.isValid() && key.isReadable()) {
                boolean stillOpen = connection.read(scratch);
                HttpRequest request;
                while ((request = connection.next()) != null) {
                    long read = System.nanoTime();
                    due.add(new Due(read + delayNanos, seq++, connection, handler.apply(request),
                            connection.closeAfterReply()));
                }
                if (!stillOpen) {
                    connection.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            connection.close();
        }
    }

    private void sendDue() {
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peek().at() <= now) {
            Due d = due.poll();
            try {
                d.connection().write(d.bytes());
                if (d.close()) {
                    d.connection().closeWhenFlushed();
                }
            } catch (IOException | RuntimeException e) {
                d.connection().close();
            }
        }
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(1000);
            server.close();
            selector.close();
        } catch (IOException e) {
            // Closing a listening socket: nothing is left to release.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
