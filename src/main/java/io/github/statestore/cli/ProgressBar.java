package io.github.statestore.cli;

import io.github.statestore.ScopeCopy;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * A one-line progress bar on standard error for commands that go through many entries, redrawn at most every
 * {@value #REDRAW_MILLIS} ms and cleared at the end. Drawn only on a terminal, and never with {@code --quiet}
 * or {@code --json}, so that scripts and logs see nothing of it. Thread-safe: copies report from several
 * threads.
 */
final class ProgressBar implements Consumer<ScopeCopy.Progress>, AutoCloseable {
    static final long REDRAW_MILLIS = 100;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean on;
    private long lastDraw;
    private int drawnLength;

    ProgressBar(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** {@return a bar for a command: on only on a terminal without --quiet or --json} */
    static ProgressBar of(StatestoreCommand root) {
        return new ProgressBar(root.err(), root.terminal() && !root.quiet() && !root.json());
    }

    @Override
    public synchronized void accept(ScopeCopy.Progress p) {
        long now = System.nanoTime() / 1_000_000;
        if (!on || (now - lastDraw < REDRAW_MILLIS && p.done() < p.total())) {
            return;
        }
        lastDraw = now;
        String line = line(p);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
    }

    /**
     * {@return the bar's text for one report, such as {@code my-app/dev [=====     ] 12/24}, or
     * {@code my-app/dev 12} when the total is not known}
     */
    static String line(ScopeCopy.Progress p) {
        if (p.total() <= 0) {
            return p.scope() + " " + p.done();
        }
        int filled = p.total() == 0 ? WIDTH : (int) (WIDTH * p.done() / p.total());
        return p.scope() + " [" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + p.done() + "/"
                + p.total();
    }

    /** Clears the bar, if one was drawn. */
    @Override
    public synchronized void close() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }
}
