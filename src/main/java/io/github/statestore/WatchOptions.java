package io.github.statestore;

import io.github.statestore.internal.Arguments;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link StateStore#watch(ChangeListener, WatchOptions)} looks for changes. Build one with
 * {@link #builder()}, or take {@link #defaults()}. Immutable and thread-safe.
 */
public final class WatchOptions {
    /** The shortest poll interval: 10 ms. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(10);
    /** The longest poll interval: 1 hour. */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofHours(1);
    private static final WatchOptions DEFAULTS = new WatchOptions(null);

    private final Duration pollInterval;

    private WatchOptions(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** {@return the options with every setting at its default: the backend's poll interval} */
    public static WatchOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder, every setting at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How long the subscription waits between two listings of the scope, when nothing wakes it earlier; each
     * listing costs what {@link StateStore#list()} costs. Empty when the backend's default applies: 1 second,
     * but 10 seconds on S3 and R2, where each listing is a billed request.
     *
     * @return the interval, or empty for the backend's default
     */
    public Optional<Duration> pollInterval() {
        return Optional.ofNullable(pollInterval);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatchOptions w && Objects.equals(w.pollInterval, pollInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(pollInterval);
    }

    @Override
    public String toString() {
        return "WatchOptions{pollInterval=" + (pollInterval == null ? "backend default" : pollInterval) + "}";
    }

    /** Builds {@link WatchOptions}, checking each setting as it is set. Not thread-safe. */
    public static final class Builder {
        private Duration pollInterval;

        private Builder() {
        }

        /**
         * Sets how long the subscription waits between two listings of the scope.
         *
         * @param interval from {@link #MIN_POLL_INTERVAL} to {@link #MAX_POLL_INTERVAL}
         * @return this builder
         * @throws InvalidConfigException naming {@code pollInterval}, if null or out of that range
         */
        public Builder pollInterval(Duration interval) {
            Arguments.settingNotNull(interval, "pollInterval");
            if (interval.compareTo(MIN_POLL_INTERVAL) < 0 || interval.compareTo(MAX_POLL_INTERVAL) > 0) {
                throw new InvalidConfigException("pollInterval", interval + " is outside " + MIN_POLL_INTERVAL
                        + " to " + MAX_POLL_INTERVAL);
            }
            this.pollInterval = interval;
            return this;
        }

        /** {@return the options} */
        public WatchOptions build() {
            return new WatchOptions(pollInterval);
        }
    }
}
