package io.github.statestore.s3;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import java.net.URI;

/**
 * A child JVM's main for {@link S3NoCredentialsIT}: opens an S3 store with the default chain (or, given a
 * second argument, that profile) and prints what its first call throws: the exception's simple class name,
 * its message and whether it is retryable, one a line.
 */
public final class NoCredentialsChild {
    private NoCredentialsChild() {
    }

    /** @param args the endpoint, then optionally a profile name */
    public static void main(String[] args) {
        S3Config.Builder config = S3Config.builder().bucket("my-state").endpoint(URI.create(args[0]))
                .pathStyle(true).region("us-east-1");
        if (args.length > 1) {
            config.credentials(S3Credentials.profile(args[1]));
        }
        try (StateStore store = config.build().open(Scope.of("my-app", "dev"))) {
            store.get("assets");
            System.out.println("no error");
        } catch (StateStoreException e) {
            System.out.println(e.getClass().getSimpleName());
            System.out.println(e.getMessage());
            System.out.println(e.retryable());
        }
    }
}
