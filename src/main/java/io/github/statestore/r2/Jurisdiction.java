package io.github.statestore.r2;

import java.util.Locale;

/** Where an R2 bucket's data lives; each has its own endpoint. Thread-safe (an enum). */
public enum Jurisdiction {
    /** No restriction: {@code https://<account>.r2.cloudflarestorage.com}. */
    DEFAULT(""),
    /** The European Union: {@code https://<account>.eu.r2.cloudflarestorage.com}. */
    EU("eu."),
    /** FedRAMP: {@code https://<account>.fedramp.r2.cloudflarestorage.com}. */
    FEDRAMP("fedramp.");

    private final String hostPart;

    Jurisdiction(String hostPart) {
        this.hostPart = hostPart;
    }

    /**
     * The R2 endpoint of an account in this jurisdiction.
     *
     * @param accountId the Cloudflare account id
     * @return such as {@code https://<account>.eu.r2.cloudflarestorage.com}
     */
    public String endpoint(String accountId) {
        return "https://" + accountId + "." + hostPart + "r2.cloudflarestorage.com";
    }

    /** {@return the name used in URLs and environment variables: {@code default}, {@code eu} or {@code fedramp}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
