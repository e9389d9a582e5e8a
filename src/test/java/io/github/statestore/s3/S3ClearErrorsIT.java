package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.contract.ContractFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clear() reads DeleteObjects' per-key errors, which S3 reports inside a 200 answer, and never ignores them. */
class S3ClearErrorsIT {
    @Test
    void perKeyErrorsOfA200DeleteObjectsAnswerFailTheClear() throws Exception {
        String bucket = S3Server.newBucket();
        try (FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = proxy.config(bucket).build().open(Scope.of("app", "dev"))) {
            for (String key : List.of("a", "b", "c")) {
                store.set(key, ContractFixture.state(key));
            }
            String denied = "alchemy/app/dev/b";
            proxy.plan(request -> request.method().equals("POST") ? Fault.answerWith(200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeleteResult "
                            + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Error><Key>" + denied
                            + "</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                            + "</DeleteResult>") : Fault.NONE);
            StorageException e = assertThrows(StorageException.class, store::clear);
            assertEquals("clear", e.getOperation());
            assertTrue(e.getMessage().contains(denied) && e.getMessage().contains("AccessDenied"), e.getMessage());
            assertTrue(e.getMessage().contains("1 of 3"), e.getMessage());
            assertEquals(1, proxy.requests("POST"));
        }
    }
}
