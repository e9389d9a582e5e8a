package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The test server answers real S3 requests, including conditional writes. */
class S3ServerSmokeTest {
    @Test
    void putGetAndConditionalCreate() {
        try (S3Client s3 = S3Server.rawClient()) {
            String bucket = S3Server.newBucketName();
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(b -> b.bucket(bucket).key("a/b").ifNoneMatch("*"), RequestBody.fromString("one"));
            assertEquals("one", s3.getObjectAsBytes(b -> b.bucket(bucket).key("a/b")).asUtf8String());
            S3Exception e = assertThrows(S3Exception.class, () -> s3.putObject(
                    b -> b.bucket(bucket).key("a/b").ifNoneMatch("*"), RequestBody.fromString("two")));
            assertEquals(412, e.statusCode());
        }
    }
}
