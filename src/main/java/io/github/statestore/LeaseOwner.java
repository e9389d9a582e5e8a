package io.github.statestore;

import io.github.statestore.internal.Arguments;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * Who holds a lease: the host and process, and a random id per acquisition that tells two leases of one
 * process apart. Immutable and thread-safe.
 */
public final class LeaseOwner {
    private final String host;
    private final long pid;
    private final String id;

    /**
     * Creates an owner.
     *
     * @param host the holder's host name
     * @param pid the holder's process id
     * @param id the acquisition's random id
     */
    public LeaseOwner(String host, long pid, String id) {
        this.host = Arguments.notNull(host, "host");
        this.pid = pid;
        this.id = Arguments.notNull(id, "id");
    }

    /** {@return an owner for this process with a new random id} */
    public static LeaseOwner current() {
        return new LeaseOwner(hostName(), ProcessHandle.current().pid(), UUID.randomUUID().toString());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** {@return the holder's host name} */
    public String host() {
        return host;
    }

    /** {@return the holder's process id} */
    public long pid() {
        return pid;
    }

    /** {@return the acquisition's random id} */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseOwner other && other.host.equals(host) && other.pid == pid && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, pid, id);
    }

    /** @return such as {@code build-7 pid 4242 (id 3f2a…)} */
    @Override
    public String toString() {
        return host + " pid " + pid + " (id " + id + ")";
    }
}
