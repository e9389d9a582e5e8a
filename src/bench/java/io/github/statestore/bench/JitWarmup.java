package io.github.statestore.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Brings a forked benchmark JVM's JIT to its steady state before JMH's own iterations: the AWS SDK's request
 * path needs some 10,000 requests before C2 has compiled it (measured in one client JVM: a raw
 * {@code getBatch(1000)} at concurrency 32 took 3.8 s for its first call, 1.7 s for its fourth and 0.95 to
 * 1.0 s from the seventh on, with the C2 compilations per call falling from 349 to under 10), more than a
 * few JMH warm-up iterations send, above all through the 20 ms proxy. So each S3 benchmark first calls the very
 * method JMH will measure (or the fixture's method of that name), against the same data without added
 * latency (S3Proxy directly, or the in-memory endpoint's {@code mem}), for
 * {@link BenchEnv#JIT_WARMUP_PROPERTY} seconds. Ours and the raw baselines get the same warm-up.
 * Stateless and thread-safe.
 */
final class JitWarmup {
    private JitWarmup() {
    }

    /**
     * Calls the benchmark method JMH is about to measure until the warm-up time is over: on {@code self} if
     * it talks to an endpoint without added latency, else on a twin opened against the same data without it
     * ({@link BenchEnv#withoutLatency}) and closed afterwards. On the in-memory endpoint at 20 ms
     * ({@code mem20}) it then calls {@code self} for a quarter of that time more: with many requests in flight
     * and each answered late, the HTTP client's pool and our read pool take branches they do not take
     * against an endpoint that answers at once, and C2 recompiled for them during the measured calls (a
     * {@code getBatch(1000)} at 200 at once spent 100 to 115 ms of its 215 ms of CPU in the JIT's compiler
     * threads after 60 s of warm-up without latency alone, 10 ms after 15 s more with it).
     *
     * @param params JMH's description of the benchmark about to run
     * @param endpoint {@code self}'s endpoint, a name of {@link BenchEnv#endpoint}
     * @param self the set-up object that has a no-argument method of the benchmark's name
     * @param open opens a twin of {@code self} on an endpoint
     * @param close closes a twin
     */
    static <T> void run(BenchmarkParams params, String endpoint, T self, Function<String, T> open,
            Consumer<T> close) {
        String fast = BenchEnv.withoutLatency(endpoint);
        if (fast.equals(endpoint)) {
            call(params, self);
            return;
        }
        T twin = open.apply(fast);
        try {
            call(params, twin);
        } finally {
            close.accept(twin);
        }
        if (endpoint.equals("mem20")) {
            call(params, self, time().dividedBy(4), "with its latency");
        }
    }

    private static Duration time() {
        return Duration.ofSeconds(Long.parseLong(System.getProperty(BenchEnv.JIT_WARMUP_PROPERTY, "0")));
    }

    private static void call(BenchmarkParams params, Object target) {
        call(params, target, time(), "without added latency");
    }

    private static void call(BenchmarkParams params, Object target, Duration time, String how) {
        String benchmark = params.getBenchmark();
        String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        Method method = method(target.getClass(), name);
        int calls = repeat(time, () -> {
            try {
                method.invoke(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + name + " on " + target.getClass().getSimpleName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("warm-up call of " + benchmark + " failed", e.getCause());
            }
        });
        System.out.println("JIT warm-up: " + calls + " calls of " + name + " " + how + " in " + time.toSeconds()
                + " s");
    }

    /**
     * Calls {@code call} again and again until {@code time} has passed.
     *
     * @return how many calls were made
     */
    static int repeat(Duration time, Runnable call) {
        long end = System.nanoTime() + time.toNanos();
        int calls = 0;
        while (System.nanoTime() < end) {
            call.run();
            calls++;
        }
        return calls;
    }

    /** The no-argument method of that name, declared by the class or, for JMH's subclasses, a superclass. */
    private static Method method(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(name);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException notHere) {
                // Look in the superclass.
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no method " + name + "()");
    }
}
