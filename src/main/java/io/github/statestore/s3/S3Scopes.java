package io.github.statestore.s3;

import io.github.statestore.Scope;
import io.github.statestore.spi.ScopeListing;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * The scopes of an S3 or R2 store: the common prefixes below its prefix, listed with the {@code /} delimiter,
 * so that no object is read or listed one by one, and nested scopes' objects are never taken for a scope's
 * own. The lock entries' namespace ({@code <prefix>%!locks/}) is left out. Holds one client until closed;
 * used by one thread.
 */
final class S3Scopes implements ScopeListing {
    private final RetryingS3Client s3;
    private final String prefix;
    private final S3Answers answers;

    S3Scopes(S3Config config) {
        this.s3 = S3Clients.retrying(config);
        this.prefix = config.prefix;
        this.answers = new S3Answers(config.endpoint == null ? "AWS S3's endpoint" : "endpoint " + config.endpoint);
    }

    @Override
    public List<String> childNames(Scope parent) {
        String below = prefix + (parent == null ? "" : String.join(S3Layout.DELIMITER, parent.names())
                + S3Layout.DELIMITER);
        String location = "s3://" + s3.bucket() + "/" + below;
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.call(S3Operation.LIST, null, location,
                    c -> answers.listing(c.listObjectsV2(r -> r.bucket(s3.bucket()).prefix(below)
                            .delimiter(S3Layout.DELIMITER).continuationToken(continuation)), S3Operation.LIST,
                            location));
            for (CommonPrefix common : page.commonPrefixes()) {
                String name = common.prefix().substring(below.length(), common.prefix().length() - 1);
                if (!(parent == null && name.startsWith(Scope.RESERVED_PREFIX))) {
                    names.add(name);
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return names;
    }

    @Override
    public void close() {
        s3.close();
    }
}
