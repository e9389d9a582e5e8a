package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar: drawn on a terminal, redrawn in place, cleared at the end; nothing when off. */
class ProgressBarTest {
    private static final Scope SCOPE = Scope.of("my-app", "dev");

    @Test
    void onATerminalItIsDrawnInPlaceAndCleared() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), true)) {
            bar.accept(new ScopeCopy.Progress(SCOPE, "a", 1, 4));
            bar.accept(new ScopeCopy.Progress(SCOPE, "d", 4, 4));
        }
        String first = "my-app/dev [=======                       ] 1/4";
        String last = "my-app/dev [==============================] 4/4";
        assertEquals("\r" + first + "\r" + last + "\r" + " ".repeat(last.length()) + "\r", err.toString());
    }

    @Test
    void withoutATotalItCounts() {
        assertEquals("my-app/dev 12", ProgressBar.line(new ScopeCopy.Progress(SCOPE, "k", 12, 0)));
    }

    @Test
    void offItDrawsNothing() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), false)) {
            bar.accept(new ScopeCopy.Progress(SCOPE, "a", 1, 1));
        }
        assertEquals("", err.toString());
    }
}
