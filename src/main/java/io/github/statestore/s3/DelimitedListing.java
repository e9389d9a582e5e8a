package io.github.statestore.s3;

import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * ListObjectsV2 of what lies directly below a prefix, with the {@code /} delimiter, page after page (at most
 * 1,000 entries a page), each page retried on transient failures and checked to be S3's answer. The one
 * listing loop of the keys of a scope, its lock entries and the scopes below one; {@link #eachPageBelow} lists
 * without the delimiter, for the expiry marks. Stateless and thread-safe.
 */
final class DelimitedListing {
    private DelimitedListing() {
    }

    /**
     * Lists below a prefix.
     *
     * @param s3 the client
     * @param answers checks each page
     * @param prefix what every listed object key or common prefix starts with
     * @param page told each page, in order: its objects ({@code contents()}) and common prefixes
     */
    static void eachPage(RetryingS3Client s3, S3Answers answers, String prefix, Consumer<ListObjectsV2Response> page) {
        list(s3, answers, prefix, S3Layout.DELIMITER, page);
    }

    /**
     * Lists every object whose key starts with a prefix, however deep, without the delimiter.
     *
     * @param s3 the client
     * @param answers checks each page
     * @param prefix what every listed object key starts with
     * @param page told each page, in order: its objects ({@code contents()})
     */
    static void eachPageBelow(RetryingS3Client s3, S3Answers answers, String prefix,
            Consumer<ListObjectsV2Response> page) {
        list(s3, answers, prefix, null, page);
    }

    private static void list(RetryingS3Client s3, S3Answers answers, String prefix, String delimiter,
            Consumer<ListObjectsV2Response> page) {
        String location = "s3://" + s3.bucket() + "/" + prefix;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response answer = s3.call(S3Operation.LIST, null, location,
                    c -> answers.listing(c.listObjectsV2(r -> r.bucket(s3.bucket()).prefix(prefix)
                            .delimiter(delimiter).continuationToken(continuation)), S3Operation.LIST,
                            location));
            page.accept(answer);
            token = Boolean.TRUE.equals(answer.isTruncated()) ? answer.nextContinuationToken() : null;
        } while (token != null);
    }
}
