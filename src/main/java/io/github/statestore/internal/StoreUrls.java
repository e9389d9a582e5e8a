package io.github.statestore.internal;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place that maps URL schemes to backends: a new backend adds one entry to {@link #SCHEMES}.
 * Stateless and thread-safe.
 */
public final class StoreUrls {
    /** Reads one scheme's URLs. */
    @FunctionalInterface
    private interface UrlParser {
        StoreConfig parse(String url, String setting, Map<String, String> env);
    }

    private static final Map<String, UrlParser> SCHEMES = Map.of(
            "file", (url, setting, env) -> file(url, setting),
            "memory", (url, setting, env) -> memory(url, setting),
            "s3", (url, setting, env) -> S3Config.fromUrl(new StoreUrl(url, setting, env)),
            "r2", (url, setting, env) -> R2Config.fromUrl(new StoreUrl(url, setting, env)));

    private StoreUrls() {
    }

    /**
     * Parses a store URL.
     *
     * @param url the URL
     * @param setting the name of the setting it came from, for error messages
     * @param env the environment, for secrets a URL must not hold (R2's keys)
     * @return the config
     * @throws InvalidConfigException naming the setting and the URL; a value the URL gives one of a backend's
     *     settings that the backend refuses names that part too, as {@code region in STATESTORE_URL}; missing R2
     *     keys name the variables
     */
    public static StoreConfig parse(String url, String setting, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            throw new InvalidConfigException(setting, "a store URL is required, such as file:.alchemy");
        }
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        UrlParser parser = SCHEMES.get(scheme);
        if (parser == null) {
            throw new InvalidConfigException(setting, "unknown scheme in '" + url + "'; expected one of "
                    + String.join(", ", SCHEMES.keySet().stream().sorted().map(s -> s + ":").toList()));
        }
        return parser.parse(url, setting, env);
    }

    private static StoreConfig file(String url, String setting) {
        String rest = url.substring("file:".length());
        if (rest.isEmpty()) {
            throw new InvalidConfigException(setting, "'" + url + "' has no path; use file:.alchemy or file:///abs/path");
        }
        try {
            return StoreConfig.fileSystem(rest.startsWith("//") ? Path.of(new URI(url)) : Path.of(rest));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidConfigException(setting, "'" + url + "' is not a valid file URL: " + e.getMessage());
        }
    }

    private static StoreConfig memory(String url, String setting) {
        if (!url.equals("memory:")) {
            throw new InvalidConfigException(setting, "'" + url + "': the memory backend takes no path; use memory:");
        }
        return StoreConfig.memory();
    }
}
