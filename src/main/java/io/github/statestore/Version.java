package io.github.statestore;

import io.github.statestore.internal.Text;
import java.util.Objects;

/**
 * An opaque token for one stored content of an entry, read with {@link StateStore#getVersioned} and checked by
 * the conditional writes {@link StateStore#setIf} and {@link StateStore#deleteIf}. On S3 and R2 it is the
 * object's ETag; on the FileSystem and memory stores a digest of the stored bytes. Either way it changes
 * whenever the stored content changes, and only then. Compare versions of one store only.
 * Immutable and thread-safe.
 */
public final class Version {
    private final String token;

    private Version(String token) {
        this.token = token;
    }

    /**
     * Wraps a backend's token.
     *
     * @param token the token, such as an ETag
     * @return the version
     * @throws InvalidArgumentException naming the token, if it is null or empty
     */
    public static Version of(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidArgumentException("token", Text.quote(token) + " is no version: a version is a "
                    + "backend's non-empty token, such as an ETag");
        }
        return new Version(token);
    }

    /** {@return the backend's token} */
    public String token() {
        return token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && v.token.equals(token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token);
    }

    @Override
    public String toString() {
        return token;
    }
}
