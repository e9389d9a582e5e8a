package io.github.statestore;

import io.github.statestore.internal.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The chain of names that entries live under, such as {@code my-app/prod}: Alchemy's app, stage and nested
 * scopes. Stores of different scopes never see each other's keys, including a parent's and a child's.
 *
 * <pre>{@code
 * Scope prod = Scope.of("my-app", "prod");
 * Scope api = prod.child("api");          // my-app/prod/api
 * }</pre>
 *
 * <p>Each name must be non-empty, at most 255 UTF-8 bytes (it is a directory name in the FileSystem store),
 * must not contain {@code /}, control characters or unpaired surrogates, must not be {@code .} or {@code ..},
 * must not end in {@code .json} (its directory would clash with the document of a key in the parent
 * scope), must not start with {@code %!} (reserved for the stores' lock entries), and must not be a name of
 * the FileSystem store's own files in the parent scope's directory: {@code .statestore.lock} (the scope
 * lock), {@code .<16 hex digits>.tmp} (temp files, which the store removes) or {@code <any>%~<64 hex
 * digits>.key} (the key files of long keys). These are compared ignoring case, as case-insensitive file
 * systems (Windows, macOS) do. Immutable and thread-safe.
 */
public final class Scope {
    /** What no scope name may start with: the stores keep their own entries (locks) under such names. */
    public static final String RESERVED_PREFIX = "%!";
    /** The longest scope name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    private static final String LOCK_FILE = ".statestore.lock";
    private static final Pattern TEMP_FILE = Pattern.compile("\\.[0-9a-f]{16}\\.tmp", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_FILE =
            Pattern.compile(".*%~[0-9a-f]{64}\\.key", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final List<String> names;

    private Scope(List<String> names) {
        this.names = List.copyOf(names);
    }

    /**
     * Creates a scope from one or more names, outermost first.
     *
     * @param first the outermost name, usually the app
     * @param rest inner names, such as the stage
     * @return the scope
     * @throws InvalidScopeException if a name is invalid or null, or {@code rest} is a null array
     */
    public static Scope of(String first, String... rest) {
        if (rest == null) {
            throw new InvalidScopeException(null, "the names after the first must not be a null array");
        }
        List<String> all = new ArrayList<>(1 + rest.length);
        all.add(first);
        all.addAll(Arrays.asList(rest));
        return of(all);
    }

    /**
     * Creates a scope from a non-empty list of names, outermost first.
     *
     * @param names the names
     * @return the scope
     * @throws InvalidScopeException if the list is empty or a name is invalid
     */
    public static Scope of(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidScopeException(null, "a scope needs at least one name");
        }
        names.forEach(Scope::validate);
        return new Scope(names);
    }

    /**
     * Parses a scope written with {@code /} between names, as {@link #toString()} prints it.
     *
     * @param path such as {@code my-app/prod}
     * @return the scope
     * @throws InvalidScopeException if a name is invalid
     */
    public static Scope parse(String path) {
        if (path == null) {
            throw new InvalidScopeException(null, "a scope path must not be null");
        }
        return of(Arrays.asList(path.split("/", -1)));
    }

    /**
     * The scope nested in this one under {@code name}.
     *
     * @param name the child's name
     * @return the child scope
     * @throws InvalidScopeException if the name is invalid
     */
    public Scope child(String name) {
        validate(name);
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return new Scope(all);
    }

    /**
     * The names of this scope, outermost first.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<String> names() {
        return names;
    }

    private static void validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidScopeException(name, "names must be non-empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new InvalidScopeException(name, "'.' and '..' are not allowed");
        }
        if (name.indexOf('/') >= 0) {
            throw new InvalidScopeException(name, "'/' is not allowed; use Scope.of(a, b) or child()");
        }
        String bad = Text.forbiddenCharacter(name);
        if (bad != null) {
            throw new InvalidScopeException(name, bad);
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new InvalidScopeException(name, "names starting with '" + RESERVED_PREFIX + "' are reserved for "
                    + "the stores' own entries, such as locks");
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new InvalidScopeException(name, "names ending in '.json' would clash with a key's document "
                    + "in the parent scope's directory");
        }
        String reserved = reservedFileName(name);
        if (reserved != null) {
            throw new InvalidScopeException(name, reserved + " in the parent scope's directory (compared ignoring "
                    + "case)");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new InvalidScopeException(name, bytes + " UTF-8 bytes, more than the limit of " + MAX_NAME_BYTES);
        }
    }

    /** Which of the FileSystem store's own files a name would clash with, or {@code null}. */
    private static String reservedFileName(String name) {
        if (name.equalsIgnoreCase(LOCK_FILE)) {
            return "'" + LOCK_FILE + "' is reserved: it is the FileSystem store's scope lock file";
        }
        if (TEMP_FILE.matcher(name).matches()) {
            return "names like '.<16 hex digits>.tmp' are reserved: they are the FileSystem store's temp files, "
                    + "which it removes,";
        }
        if (KEY_FILE.matcher(name).matches()) {
            return "names ending in '%~<64 hex digits>.key' are reserved: they are the FileSystem store's key "
                    + "files of long keys";
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope && ((Scope) o).names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** Returns the names joined by {@code /}, such as {@code my-app/prod}. */
    @Override
    public String toString() {
        return String.join("/", names);
    }
}
