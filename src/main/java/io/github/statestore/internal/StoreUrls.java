package io.github.statestore.internal;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Reads store URLs with the {@link StoreProvider} of their scheme, found with {@link ServiceLoader} once, on
 * first use; no scheme is wired in here. Thread-safe.
 */
public final class StoreUrls {
    /**
     * Where the backends this project knows of ship, to say which artifact to add when a URL names one that is
     * not installed; only a message, never a way to parse a URL.
     */
    private static final Map<String, String> WELL_KNOWN = Map.of(
            "file", "the FileSystem store",
            "jdbc", "the JDBC store",
            "memory", "the in-memory store",
            "s3", "the S3 store",
            "r2", "the R2 store");
    private static final String ARTIFACT = "io.github.statestore:statestore";

    private static Map<String, StoreProvider> installed;

    private StoreUrls() {
    }

    /**
     * Parses a store URL with its scheme's provider.
     *
     * @param url the URL
     * @param setting the name of the setting it came from, for error messages
     * @param env the environment, for secrets a URL must not hold (R2's keys)
     * @return the config
     * @throws InvalidConfigException naming the setting and the URL, and for an unknown scheme the schemes of
     *     the providers installed; a value the URL gives one of a backend's settings that the backend refuses
     *     names that part too, as {@code region in STATESTORE_URL}
     */
    public static StoreConfig parse(String url, String setting, Map<String, String> env) {
        if (url == null || url.isBlank()) {
            throw new InvalidConfigException(setting, "a store URL is required, such as file:.alchemy");
        }
        int colon = url.indexOf(':');
        String scheme = colon < 1 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        Map<String, StoreProvider> providers = installed();
        StoreProvider provider = providers.get(scheme);
        if (provider == null) {
            throw new InvalidConfigException(setting, unknown(url, scheme, providers));
        }
        return provider.fromUrl(new StoreUrl(url, setting, env));
    }

    static String unknown(String url, String scheme, Map<String, StoreProvider> providers) {
        String installedSchemes = providers.isEmpty() ? "none"
                : String.join(", ", providers.keySet().stream().map(s -> s + ":").toList());
        String known = WELL_KNOWN.get(scheme);
        if (known != null) {
            return "'" + url + "' needs " + known + ", whose provider is not installed: it ships in " + ARTIFACT
                    + "; a shaded or merged jar must keep (and merge) META-INF/services/"
                    + StoreProvider.class.getName() + ". Installed schemes: " + installedSchemes;
        }
        return "unknown scheme in '" + url + "'; the installed store providers read " + installedSchemes;
    }

    private static synchronized Map<String, StoreProvider> installed() {
        if (installed == null) {
            installed = load();
        }
        return installed;
    }

    private static Map<String, StoreProvider> load() {
        Map<String, StoreProvider> found = new TreeMap<>();
        try {
            for (StoreProvider provider : ServiceLoader.load(StoreProvider.class, StoreUrls.class.getClassLoader())) {
                String scheme = provider.scheme().toLowerCase(Locale.ROOT);
                StoreProvider other = found.put(scheme, provider);
                if (other != null && other.getClass() != provider.getClass()) {
                    throw new StateStoreException("Two store providers read the scheme '" + scheme + "': "
                            + other.getClass().getName() + " and " + provider.getClass().getName()
                            + "; remove one from the class path");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new StateStoreException("A store provider listed in META-INF/services/"
                    + StoreProvider.class.getName() + " could not be loaded: " + e.getMessage(), e, false);
        }
        return Collections.unmodifiableMap(found);
    }
}
