package io.github.statestore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a store keeps the versions its writes replace, and for how long: set on a store's config (each
 * config's builder has {@code history(HistoryPolicy)}, and URLs take {@code historyVersions} and
 * {@code historyFor}). Off by default, and then nothing of a store's cost or layout changes. With it on, every
 * overwrite and delete first keeps the document it replaces, outside the scope's documents (see
 * {@code docs/history.md}), and then removes the kept versions of that key past the policy's bounds: beyond the
 * newest {@link #keptVersions()} or older than {@link #keptFor()}, whichever bounds are set.
 *
 * <pre>{@code
 * HistoryPolicy policy = HistoryPolicy.builder().keepVersions(20).keepFor(Duration.ofDays(30)).build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class HistoryPolicy {
    /** The most versions a policy keeps of one key. */
    public static final int MAX_VERSIONS = 10_000;
    /** The longest a policy keeps a version: 100 years. */
    public static final Duration MAX_AGE = Duration.ofDays(36_500);
    private static final HistoryPolicy OFF = new HistoryPolicy(0, null, Clock.systemUTC());

    private final int versions;
    private final Duration age;
    private final Clock clock;

    private HistoryPolicy(int versions, Duration age, Clock clock) {
        this.versions = versions;
        this.age = age;
        this.clock = clock;
    }

    /** {@return the policy that keeps no history, every config's default} */
    public static HistoryPolicy off() {
        return OFF;
    }

    /**
     * Keeps the newest versions of each key, however old.
     *
     * @param versions how many, 1 to {@value #MAX_VERSIONS}
     * @return the policy
     * @throws InvalidConfigException naming {@code keepVersions} if out of range
     */
    public static HistoryPolicy keepVersions(int versions) {
        return builder().keepVersions(versions).build();
    }

    /**
     * Keeps every version of each key for a while after it was replaced, however many.
     *
     * @param age how long, from 1 ms to {@link #MAX_AGE}
     * @return the policy
     * @throws InvalidConfigException naming {@code keepFor} if null or out of range
     */
    public static HistoryPolicy keepFor(Duration age) {
        return builder().keepFor(age).build();
    }

    /** {@return a builder of a policy that keeps history; set at least one bound} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether the policy keeps history at all} */
    public boolean enabled() {
        return versions > 0 || age != null;
    }

    /** {@return how many versions of a key are kept at most, or empty when their number is not bounded} */
    public OptionalInt keptVersions() {
        return versions > 0 ? OptionalInt.of(versions) : OptionalInt.empty();
    }

    /** {@return how long a version is kept after it was replaced, or empty when its age is not bounded} */
    public Optional<Duration> keptFor() {
        return Optional.ofNullable(age);
    }

    /** {@return the clock that stamps kept versions and ages them: the system's, unless a test set another} */
    public Clock clock() {
        return clock;
    }

    /** Two policies are equal when their bounds and clocks are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryPolicy p && p.versions == versions && Objects.equals(p.age, age)
                && p.clock.equals(clock);
    }

    @Override
    public int hashCode() {
        return Objects.hash(versions, age, clock);
    }

    /** Such as {@code HistoryPolicy{keepVersions=10, keepFor=PT720H}}, or {@code HistoryPolicy{off}}. */
    @Override
    public String toString() {
        if (!enabled()) {
            return "HistoryPolicy{off}";
        }
        StringBuilder s = new StringBuilder("HistoryPolicy{");
        if (versions > 0) {
            s.append("keepVersions=").append(versions);
        }
        if (age != null) {
            s.append(versions > 0 ? ", " : "").append("keepFor=").append(age);
        }
        if (!clock.equals(Clock.systemUTC())) {
            s.append(", clock=").append(clock);
        }
        return s.append('}').toString();
    }

    /**
     * Builds a {@link HistoryPolicy}; each setter validates at once, {@link #build()} that a bound is set. Not
     * thread-safe.
     */
    public static final class Builder {
        private int versions;
        private Duration age;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Keeps at most this many versions of each key, the newest.
         *
         * @param versions 1 to {@value HistoryPolicy#MAX_VERSIONS}
         * @return this builder
         * @throws InvalidConfigException naming {@code keepVersions} if out of range
         */
        public Builder keepVersions(int versions) {
            if (versions < 1 || versions > MAX_VERSIONS) {
                throw new InvalidConfigException("keepVersions", "must be 1 to " + MAX_VERSIONS + ", was "
                        + versions);
            }
            this.versions = versions;
            return this;
        }

        /**
         * Keeps a version at most this long after it was replaced.
         *
         * @param age from 1 ms to {@link HistoryPolicy#MAX_AGE}
         * @return this builder
         * @throws InvalidConfigException naming {@code keepFor} if null or out of range
         */
        public Builder keepFor(Duration age) {
            if (age == null || age.compareTo(Duration.ofMillis(1)) < 0 || age.compareTo(MAX_AGE) > 0) {
                throw new InvalidConfigException("keepFor", "must be from 1 ms to 36500 days, was " + age);
            }
            this.age = age;
            return this;
        }

        /**
         * Sets the clock that stamps kept versions and ages them, for tests that age history without waiting.
         *
         * @param clock the clock; the default is {@link Clock#systemUTC()}
         * @return this builder
         * @throws InvalidConfigException naming {@code clock} if null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new InvalidConfigException("clock", "must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * {@return the policy}
         *
         * @throws InvalidConfigException naming {@code history} if neither bound is set
         */
        public HistoryPolicy build() {
            if (versions == 0 && age == null) {
                throw new InvalidConfigException("history", "set keepVersions, keepFor or both; "
                        + "HistoryPolicy.off() keeps none");
            }
            return new HistoryPolicy(versions, age, clock);
        }
    }
}
