package io.github.statestore.internal;

import io.github.statestore.InvalidConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed store URL such as {@code s3://bucket/prefix/?region=eu-west-1}, handed to a backend's URL
 * factory: its authority, path and query parameters, each read at most once, plus the environment to read
 * secrets from. Errors name the setting the URL came from. Not thread-safe: one parse, one thread.
 */
public final class StoreUrl {
    /**
     * {@code scheme://id:secret@rest}, matched before parsing because secrets may hold characters (such as
     * {@code /} or a space) that make a URI parser split them off or quote them in its error.
     */
    private static final Pattern CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*:[^@?#]*@(.*)",
            Pattern.DOTALL);

    private final String text;
    private final String setting;
    private final URI uri;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> env;

    StoreUrl(String text, String setting, Map<String, String> env) {
        this.setting = setting;
        this.env = env;
        Matcher credentials = CREDENTIALS.matcher(text);
        if (credentials.matches()) {
            this.text = credentials.group(1) + "***@" + credentials.group(2);
            throw fail("must not hold credentials; use the environment or the config builder");
        }
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            this.text = text;
            throw fail("is not a valid URL: " + e.getReason());
        }
        this.uri = parsed;
        if (uri.getRawUserInfo() != null) {
            this.text = text.replace(uri.getRawUserInfo(), "***");
            throw fail("must not hold credentials; use the environment or the config builder");
        }
        this.text = text;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1))) != null) {
                    throw fail("repeats the parameter '" + name + "'");
                }
            }
        }
    }

    /** @return the authority (the bucket of {@code s3://}, the account of {@code r2://}); never empty */
    public String authority() {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw fail("has no " + (uri.getScheme() + "://").toLowerCase() + "<name>");
        }
        return authority;
    }

    /** @return the path after the authority without its leading '/', or {@code null} when there is none */
    public String path() {
        String path = uri.getPath();
        return path == null || path.isEmpty() ? null : path.substring(1);
    }

    /**
     * Takes a query parameter.
     *
     * @param name the parameter
     * @return its value, or {@code null} when absent
     */
    public String take(String name) {
        return params.remove(name);
    }

    /**
     * Takes a URI query parameter.
     *
     * @param name the parameter
     * @return the value, or {@code null} when absent
     */
    public URI takeUri(String name) {
        String v = take(name);
        try {
            return v == null ? null : new URI(v);
        } catch (URISyntaxException e) {
            throw fail("parameter " + name + "=" + v + " is not a valid URI: " + e.getReason());
        }
    }

    /**
     * Takes a boolean query parameter ({@code true} or {@code false}).
     *
     * @param name the parameter
     * @param absent the value when absent
     * @return the value
     */
    public boolean takeBoolean(String name, boolean absent) {
        String v = take(name);
        if (v == null) {
            return absent;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw fail("parameter " + name + "=" + v + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /**
     * Takes an integer query parameter.
     *
     * @param name the parameter
     * @return the value, or {@code null} when absent
     */
    public Integer takeInt(String name) {
        String v = take(name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw fail("parameter " + name + "=" + v + " must be a whole number");
        }
    }

    /**
     * Takes a duration query parameter, in ISO-8601 ({@code PT10S}) or as milliseconds ({@code 10000}).
     *
     * @param name the parameter
     * @return the value, or {@code null} when absent
     */
    public Duration takeDuration(String name) {
        String v = take(name);
        try {
            return v == null ? null : v.matches("\\d+") ? Duration.ofMillis(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw fail("parameter " + name + "=" + v + " must be milliseconds or an ISO-8601 duration like PT10S");
        }
    }

    /**
     * An environment variable.
     *
     * @param name the variable
     * @return its value, or {@code null} when unset or blank
     */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** Fails if any query parameter was not taken. */
    public void finish() {
        if (!params.isEmpty()) {
            throw fail("has unknown parameter(s) " + String.join(", ", params.keySet()));
        }
    }

    /**
     * An error about this URL.
     *
     * @param problem what is wrong, completing "'url' …"
     * @return the exception, naming the setting and the URL
     */
    public InvalidConfigException fail(String problem) {
        return new InvalidConfigException(setting, "'" + text + "' " + problem);
    }

    private String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("has a malformed escape in '" + s + "'");
        }
    }
}
