package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.key.NameStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where the FileSystem store keeps each scope and key: {@code <root>/<scope names as directories>/<encoded
 * key>.json}, Alchemy's layout.
 *
 * <p>File names may hold at most {@value #MAX_NAME_BYTES} UTF-8 bytes on common file systems, but an encoded
 * key may hold 1,024. A key whose file name would be longer is stored under a <em>long name</em>: the first
 * {@value #LONG_HEAD_BYTES} bytes or so of its name, then {@code %~}, the SHA-256 of the key in hex and
 * {@code .json}, with the key itself in a sidecar file of the same name ending {@code .key}. No short name
 * contains {@code %~}, so the two kinds never collide. Immutable and thread-safe.
 */
final class FileLayout {
    /** The suffix of every document file. */
    public static final String SUFFIX = ".json";
    /** The suffix of a long name's sidecar file holding its key. */
    public static final String KEY_SUFFIX = ".key";
    /**
     * What the names of lock entries start with. No encoded key starts so (its {@code %} is always followed
     * by {@code 25} or {@code 3A}), and no scope name may ({@link Scope#RESERVED_PREFIX}), so they clash with
     * neither.
     */
    public static final String LOCK_PREFIX = Scope.RESERVED_PREFIX + "lock.";
    /**
     * The suffix of lock entry files: not {@code .json}, so that neither this store nor Alchemy lists them.
     */
    public static final String LOCK_SUFFIX = ".lease";
    /**
     * The folder in a scope's directory that holds its history: one folder per key, named by
     * {@link #historyDirName}, holding the key's entries. Its name starts with {@link Scope#RESERVED_PREFIX},
     * so no scope's directory clashes with it, and it is no {@code .json} file, so neither this store nor
     * Alchemy lists it as a document.
     */
    public static final String HISTORY_DIR = Scope.RESERVED_PREFIX + "history";
    /**
     * The folder in a scope's directory that holds its documents' expiries: one file per key with an expiry,
     * named by {@link #historyDirName}. Out of sight as {@link #HISTORY_DIR} is.
     */
    public static final String EXPIRY_DIR = Scope.RESERVED_PREFIX + "expiry";
    /** The longest file name, in UTF-8 bytes, that this layout writes. */
    public static final int MAX_NAME_BYTES = 255;
    static final int LONG_HEAD_BYTES = 96;
    private static final Pattern LONG_NAME = Pattern.compile(".*%~[0-9a-f]{64}\\.json", Pattern.DOTALL);

    private final Path root;
    private final NameStyle style;

    /**
     * Creates the layout.
     *
     * @param root the root directory, such as {@code .alchemy}
     * @param style how names are escaped; {@link NameStyle#ofPlatform()} for real use
     */
    public FileLayout(Path root, NameStyle style) {
        this.root = root.toAbsolutePath().normalize();
        this.style = style;
    }

    /**
     * The root directory.
     *
     * @return the absolute, normalized root
     */
    public Path root() {
        return root;
    }

    /**
     * The directory of a scope.
     *
     * @param scope the scope
     * @return {@code <root>/<names...>}, always inside the root
     */
    public Path scopeDir(Scope scope) {
        Path dir = root;
        for (String name : scope.names()) {
            dir = dir.resolve(style.escape(name));
        }
        if (!dir.normalize().startsWith(root) || dir.normalize().equals(root)) {
            throw new io.github.statestore.InvalidScopeException(scope.toString(), "resolves outside the root " + root);
        }
        return dir;
    }

    /**
     * The file name of a key's document.
     *
     * @param key the key
     * @return a short name such as {@code a:b.json}, or a long name (see the class description)
     * @throws io.github.statestore.InvalidKeyException if the key is invalid
     */
    public String fileName(String key) {
        String name = style.escape(KeyCodec.encode(key));
        if (utf8Length(name) + SUFFIX.length() <= MAX_NAME_BYTES) {
            return name + SUFFIX;
        }
        return head(name) + "%~" + sha256(key) + SUFFIX;
    }

    /**
     * The name of the folder, in {@link #HISTORY_DIR}, of a key's history entries, and of its file in
     * {@link #EXPIRY_DIR}: the key's document file name without {@code .json} (a long name's too, which holds
     * the key's SHA-256), so that it is unique per key.
     *
     * @param key the key
     * @return such as {@code a:b}
     * @throws io.github.statestore.InvalidKeyException if the key is invalid
     */
    public String historyDirName(String key) {
        String name = fileName(key);
        return name.substring(0, name.length() - SUFFIX.length());
    }

    /**
     * The file name of a lease's lock entry: {@code %!lock.}, the name encoded as a key, {@value #LOCK_SUFFIX}.
     *
     * @param name a lock name
     * @return such as {@code %!lock.deploy.lease}
     * @throws io.github.statestore.InvalidKeyException if the name is invalid or its file name too long
     */
    public String lockFileName(String name) {
        String fileName = LOCK_PREFIX + style.escape(KeyCodec.encode(name)) + LOCK_SUFFIX;
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new io.github.statestore.InvalidKeyException(name, "a lock name may encode to at most "
                    + (MAX_NAME_BYTES - LOCK_PREFIX.length() - LOCK_SUFFIX.length()) + " bytes");
        }
        return fileName;
    }

    /**
     * The lock name of a lock entry's file name.
     *
     * @param fileName a file name
     * @return the lock name, or {@code null} if the name is not one {@link #lockFileName} writes
     */
    public String lockNameOf(String fileName) {
        if (!fileName.startsWith(LOCK_PREFIX) || !fileName.endsWith(LOCK_SUFFIX)
                || fileName.length() < LOCK_PREFIX.length() + LOCK_SUFFIX.length()) {
            return null;
        }
        String encoded = style.unescape(fileName.substring(LOCK_PREFIX.length(),
                fileName.length() - LOCK_SUFFIX.length()));
        try {
            String name = encoded == null ? null : KeyCodec.decode(encoded);
            return name != null && fileName.equals(lockFileName(name)) ? name : null;
        } catch (io.github.statestore.InvalidKeyException notOurs) {
            return null;
        }
    }

    /**
     * Whether a document file name is a long name, whose key is in a sidecar file.
     *
     * @param fileName a file name ending {@code .json}
     * @return {@code true} for long names
     */
    public static boolean isLongName(String fileName) {
        return LONG_NAME.matcher(fileName).matches();
    }

    /**
     * The sidecar file name that holds a long name's key.
     *
     * @param longName a long document file name
     * @return the same name ending {@code .key}
     */
    public static String sidecarName(String longName) {
        return longName.substring(0, longName.length() - SUFFIX.length()) + KEY_SUFFIX;
    }

    /**
     * The key of a short document file name.
     *
     * @param fileName a file name
     * @return the key, or {@code null} if the name is not one this layout writes for a short key
     */
    public String keyOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || isLongName(fileName)) {
            return null;
        }
        String encoded = style.unescape(fileName.substring(0, fileName.length() - SUFFIX.length()));
        if (encoded == null) {
            return null;
        }
        try {
            String key = KeyCodec.decode(encoded);
            return fileName.equals(fileName(key)) ? key : null;
        } catch (io.github.statestore.InvalidKeyException notOurs) {
            return null;
        }
    }

    private static String head(String name) {
        int end = 0;
        int bytes = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            bytes += utf8Length(new String(Character.toChars(cp)));
            if (bytes > LONG_HEAD_BYTES) {
                break;
            }
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
