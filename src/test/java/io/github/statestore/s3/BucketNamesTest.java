package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves S3's bucket naming rules for general purpose buckets: what is accepted, and each rule's rejection. */
class BucketNamesTest {
    private static final String LONGEST = "a".repeat(63);

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b", "1bucket", "my.state.bucket", "my-state-2", "192.168.1.1a",
        "xn-abc", "sthree", "bucket-s3alias2", "a.mrap.b"})
    void validNamesAreAccepted(String bucket) {
        assertEquals(bucket, BucketNames.validate(bucket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "MyBucket", "my_bucket", "-abc", "abc-", ".abc", "abc.", "my bucket",
        "bücket", "a..b", "a.-b", "a-.b", "192.168.1.1", "10.0.0.255", "xn--abc", "sthree-abc",
        "sthree-configurator", "amzn-s3-demo-bucket", "abc-s3alias", "abc--ol-s3", "abc.mrap", "abc--x-s3",
        "abc--table-s3"})
    void eachRuleRejectsNamingTheBucket(String bucket) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> BucketNames.validate(bucket));
        assertEquals("bucket", e.getSetting());
        assertTrue(e.getMessage().contains("'" + bucket + "'"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void theBucketIsRequired(String bucket) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> BucketNames.validate(bucket));
        assertEquals("bucket", e.getSetting());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 63})
    void lengthsFromThreeToSixtyThreeAreAccepted(int length) {
        assertEquals(length, BucketNames.validate(LONGEST.substring(0, length)).length());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 64, 255})
    void otherLengthsAreRejected(int length) {
        assertThrows(InvalidConfigException.class, () -> BucketNames.validate("b".repeat(length)));
    }
}
