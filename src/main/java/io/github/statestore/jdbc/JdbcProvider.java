package io.github.statestore.jdbc;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code jdbc:} store URLs, such as {@code jdbc:postgresql://db/platform?user=state&table=app_state} or
 * {@code jdbc:sqlite:state.db}, into a {@link JdbcConfig}. The store's own parameters ({@code table},
 * {@code schema}, {@code createTables}, {@code maxConnections}, {@code historyVersions}, {@code historyFor})
 * are taken out of the query; every other one is the driver's and stays in the JDBC URL. The database password comes from {@code STATESTORE_JDBC_PASSWORD},
 * never from the URL. Found by {@link java.util.ServiceLoader}; use {@link StoreConfig#parse} rather than this
 * class. Stateless and thread-safe.
 */
public final class JdbcProvider implements StoreProvider {
    /** The environment variable holding the database password of a {@code jdbc:} store URL. */
    public static final String PASSWORD_VARIABLE = "STATESTORE_JDBC_PASSWORD";

    private static final Pattern PASSWORD = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);

    /** For {@link java.util.ServiceLoader}. */
    public JdbcProvider() {
    }

    @Override
    public String scheme() {
        return "jdbc";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        if (url.opaquePart() == null) {
            throw url.fail("is not a JDBC URL; write jdbc:postgresql://host/database or jdbc:sqlite:file.db");
        }
        String text = "jdbc:" + url.opaquePart();
        if (PASSWORD.matcher(text).find()) {
            throw new InvalidConfigException(url.setting(), "a jdbc: store URL must not hold the database "
                    + "password; set " + PASSWORD_VARIABLE + " in the environment");
        }
        int query = text.indexOf('?');
        JdbcConfig.Builder b = JdbcConfig.builder();
        List<String> driverParameters = new ArrayList<>();
        List<String> historyParameters = new ArrayList<>();
        if (query >= 0) {
            for (String pair : text.substring(query + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.equals(StoreUrl.HISTORY_VERSIONS) || name.equals(StoreUrl.HISTORY_FOR)) {
                    historyParameters.add(pair);
                } else if (!take(url, b, name, value)) {
                    driverParameters.add(pair);
                }
            }
            text = text.substring(0, query) + (driverParameters.isEmpty() ? ""
                    : "?" + String.join("&", driverParameters));
        }
        url.parseQuery(String.join("&", historyParameters));
        url.takeHistory(b::history);
        url.set("url", text, b::url);
        String password = url.env(PASSWORD_VARIABLE);
        if (password != null) {
            b.databasePassword(password);
        }
        return b.build();
    }

    private static boolean take(StoreUrl url, JdbcConfig.Builder b, String name, String value) {
        switch (name) {
            case "table" -> url.set(name, value, b::table);
            case "schema" -> url.set(name, value, b::schema);
            case "createTables" -> {
                if (!"true".equals(value) && !"false".equals(value)) {
                    throw url.failPart(name, "must be true or false, was " + value);
                }
                b.createTables(Boolean.parseBoolean(value));
            }
            case "maxConnections" -> {
                try {
                    url.set(name, Integer.parseInt(String.valueOf(value)), b::maxConnections);
                } catch (NumberFormatException e) {
                    throw url.failPart(name, "must be a whole number, was " + value);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
