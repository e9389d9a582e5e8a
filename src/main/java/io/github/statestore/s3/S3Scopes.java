package io.github.statestore.s3;

import io.github.statestore.Scope;
import io.github.statestore.spi.ScopeListing;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

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
        this.answers = S3Answers.of(config);
    }

    @Override
    public List<String> childNames(Scope parent) {
        String below = prefix + (parent == null ? "" : String.join(S3Layout.DELIMITER, parent.names())
                + S3Layout.DELIMITER);
        List<String> names = new ArrayList<>();
        DelimitedListing.eachPage(s3, answers, below, page -> {
            for (CommonPrefix common : page.commonPrefixes()) {
                String name = common.prefix().substring(below.length(), common.prefix().length() - 1);
                if (!(parent == null && name.startsWith(Scope.RESERVED_PREFIX))) {
                    names.add(name);
                }
            }
        });
        return names;
    }

    @Override
    public void close() {
        s3.close();
    }
}
