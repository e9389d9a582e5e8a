package io.github.statestore.s3;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Decides which {@link Fault} {@link FaultProxy} applies to each request. Implementations are thread-safe. */
@FunctionalInterface
interface FaultPlan {

    /**
     * @param request the request's head (its body is not needed to decide)
     * @return the fault to apply, {@link Fault#NONE} to forward untouched
     */
    Fault decide(HttpMessage request);

    /** @return a plan that forwards every request untouched */
    static FaultPlan none() {
        return request -> Fault.NONE;
    }

    /** @return a plan that applies one fault to every request */
    static FaultPlan always(Fault fault) {
        return request -> fault;
    }

    /**
     * Faults a share of requests, each with a fault drawn from {@code faults}; the sequence of decisions is
     * fixed by the seed.
     *
     * @param share the share of requests to fault, 0 to 1
     * @param seed the seed of the {@link Random} that decides
     * @param faults the faults to draw from, equally likely
     * @return the plan
     */
    static FaultPlan random(double share, long seed, List<Fault> faults) {
        Random random = new Random(seed);
        return request -> {
            synchronized (random) {
                return random.nextDouble() < share ? faults.get(random.nextInt(faults.size())) : Fault.NONE;
            }
        };
    }

    /**
     * Applies {@code faults} in order to the first requests with {@code method}, then forwards the rest.
     *
     * @param method an HTTP method, such as {@code PUT}
     * @param faults the faults, one a request
     * @return the plan
     */
    static FaultPlan firstOf(String method, List<Fault> faults) {
        return firstMatching(request -> request.method().equals(method), faults);
    }

    /**
     * Applies {@code faults} in order to the first requests with {@code method} that carry {@code header},
     * such as a conditional write's {@code If-Match}, then forwards the rest.
     *
     * @param method an HTTP method, such as {@code PUT}
     * @param header a header name, such as {@code If-None-Match}
     * @param faults the faults, one a request
     * @return the plan
     */
    static FaultPlan firstWithHeader(String method, String header, List<Fault> faults) {
        return firstMatching(request -> request.method().equals(method) && !request.header(header).isEmpty(),
                faults);
    }

    private static FaultPlan firstMatching(Predicate<HttpMessage> selects, List<Fault> faults) {
        AtomicInteger seen = new AtomicInteger();
        return request -> {
            if (!selects.test(request)) {
                return Fault.NONE;
            }
            int i = seen.getAndIncrement();
            return i < faults.size() ? faults.get(i) : Fault.NONE;
        };
    }
}
