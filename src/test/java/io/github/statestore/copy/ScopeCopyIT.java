package io.github.statestore.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.s3.S3Server;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration of Alchemy's fixture tree FileSystem → S3 (S3Proxy) → FileSystem that ends byte-identical, with
 * the first leg interrupted after two keys and run again to completion.
 */
class ScopeCopyIT {
    private static final Scope APP = Scope.of("myapp");

    @TempDir
    Path dir;

    @Test
    void anInterruptedMigrationToS3AndBackEndsByteIdentical() throws Exception {
        Path original = dir.resolve("original");
        AlchemyFixture.copyFsTree(original);
        StoreConfig fs = StoreConfig.fileSystem(original);
        StoreConfig s3 = S3Server.config(S3Server.newBucket()).build();
        AtomicInteger done = new AtomicInteger();

        assertThrows(IllegalStateException.class, () -> ScopeCopy.from(fs).to(s3).tree(APP).concurrency(1)
                .progress(p -> {
                    if (done.incrementAndGet() == 2) {
                        throw new IllegalStateException("interrupted after 2 keys");
                    }
                }).run());
        ScopeCopy.Report resumed = ScopeCopy.from(fs).to(s3).tree(APP).verify(true).run();
        ScopeCopy.Report back = ScopeCopy.from(s3).to(StoreConfig.fileSystem(dir.resolve("back"))).tree(APP)
                .verify(true).run();

        assertEquals(2, resumed.unchanged());
        assertEquals(4, resumed.copied());
        assertEquals(6, resumed.verified());
        assertEquals(List.of(), resumed.refused());
        assertEquals(List.of(APP, AlchemyFixture.DEV, AlchemyFixture.NESTED, AlchemyFixture.PROD), back.scopes());
        assertEquals(6, back.copied());
        ScopeCopyTest.assertSameFiles(original, dir.resolve("back"));
    }
}
