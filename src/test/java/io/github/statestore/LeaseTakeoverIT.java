package io.github.statestore;

import io.github.statestore.LeaseTakeovers.Space;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Server;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves, across processes on FileSystem, S3 and R2, that a lease holder that stalls (SIGSTOP) or dies
 * (SIGKILL) blocks the lock only until its lease expires, and that a stalled holder's write after the
 * takeover is fenced: the scenarios of {@link LeaseTakeovers}.
 */
class LeaseTakeoverIT {
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    enum Backend {
        FILE_SYSTEM {
            @Override
            Space space(Path dir) {
                Path root = dir.resolve("store");
                Path scopeLock = root.resolve("lease").resolve("takeover").resolve(".statestore.lock");
                return new Space(root.toUri().toString(), Map.of(), StoreConfig.fileSystem(root),
                        pid -> LeaseHolderJvm.holdsLock(pid, scopeLock));
            }
        },
        S3 {
            @Override
            Space space(Path dir) {
                String bucket = S3Server.newBucket();
                return new Space("s3://" + bucket + "?endpoint=" + S3Server.endpoint() + "&pathStyle=true"
                        + "&region=us-east-1", Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY), S3Server.config(bucket).build());
            }
        },
        R2 {
            @Override
            Space space(Path dir) {
                String bucket = S3Server.newBucket();
                return new Space("r2://" + R2_ACCOUNT + "/" + bucket + "?endpoint=" + S3Server.endpoint(),
                        Map.of("R2_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "R2_SECRET_ACCESS_KEY", S3Server.SECRET_KEY),
                        R2Config.builder().accountId(R2_ACCOUNT).bucket(bucket).accessKeyId(S3Server.ACCESS_KEY)
                                .secretAccessKey(S3Server.SECRET_KEY).endpoint(S3Server.endpoint()).build());
            }
        };

        /**
         * A new, empty store space.
         *
         * @param dir a directory of the test's own
         * @return the space
         */
        abstract Space space(Path dir);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStalledHolderIsTakenOverAndItsLateWriteIsFenced(Backend backend) throws Exception {
        LeaseTakeovers.assertStalledHolderIsTakenOverAndFenced(backend.space(dir));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aHolderThatDiesBlocksOthersOnlyUntilItsLeaseExpires(Backend backend) throws Exception {
        LeaseTakeovers.assertKilledHolderBlocksOnlyUntilItsLeaseExpires(backend.name(), backend.space(dir));
    }
}
