package io.github.statestore;

import java.time.Duration;
import java.util.Map;

/**
 * Child-process main for {@link LeaseTakeovers}: opens the store at the URL it is given and takes and
 * releases another lock once, so that its first, slow requests do not eat the short ttl. Then it takes the
 * lock {@value #LOCK}, prints {@code TOKEN <n>} and {@value #HELD}, and every 100 ms makes a fenced write of
 * {@value #KEY}, printing {@code WROTE <attempt>}, until a write is fenced: then it prints
 * {@code FENCED <message>} and exits. Credentials come from the environment, as the URL's backend reads them.
 */
public final class LeaseHolder {
    static final Scope SCOPE = Scope.of("lease", "takeover");
    static final String LOCK = "deploy";
    static final String KEY = "k";
    static final Duration TTL = Duration.ofMillis(1500);
    static final String HELD = "HELD";
    static final String WROTE = "WROTE ";
    static final String FENCED = "FENCED ";

    private LeaseHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        String writer = "child-" + ProcessHandle.current().pid();
        try (StateStore store = StoreConfig.parse(args[0]).open(SCOPE)) {
            store.lock("warm-up", TTL).close();
            try (Lease lease = store.lock(LOCK, TTL)) {
                say("TOKEN " + lease.fencingToken());
                say(HELD);
                for (int attempt = 0; ; attempt++) {
                    try {
                        lease.set(KEY, state(writer, attempt));
                    } catch (FencedException e) {
                        say(FENCED + e.getMessage());
                        return;
                    }
                    say(WROTE + attempt);
                    Thread.sleep(100);
                }
            }
        }
    }

    /**
     * The state a writer leaves in {@value #KEY}.
     *
     * @param writer who writes it, as its id
     * @param attempt which of the writer's writes it is
     * @return the state
     */
    static State state(String writer, int attempt) {
        return State.builder().status(State.Status.UPDATED).kind("test::Deploy").id(writer)
                .fqn(SCOPE + "/" + KEY).seq(attempt).props(Map.of("writer", writer, "attempt", attempt)).build();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
