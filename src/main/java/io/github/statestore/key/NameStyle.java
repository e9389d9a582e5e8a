package io.github.statestore.key;

import java.util.Locale;
import java.util.Set;

/**
 * How encoded keys and scope names become file and directory names.
 *
 * <ul>
 *   <li>{@link #POSIX} (Linux, macOS): exactly Alchemy's names: {@code a/b} → {@code a:b}; scope names
 *       are used as they are.</li>
 *   <li>{@link #WINDOWS}: Windows forbids {@code < > : " \ | ? *} and device names such as {@code CON}, so
 *       each forbidden character, and {@code %} itself, becomes {@code %XX} (its hex code; the {@code :}
 *       that stands for {@code /} becomes {@code %2F}); a device name's first letter, and a trailing
 *       {@code .} or space (which Windows strips), are escaped the same way. The mapping is reversible:
 *       {@link #unescape} returns the original.</li>
 * </ul>
 *
 * Thread-safe (an enum).
 */
public enum NameStyle {
    /** Linux and macOS names: Alchemy's. */
    POSIX,
    /** Names valid on Windows: forbidden characters and device names percent-escaped. */
    WINDOWS;

    private static final String WINDOWS_FORBIDDEN = "<>:\"\\|?*%";
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³");

    /**
     * The style of the operating system this JVM runs on.
     *
     * @return {@link #WINDOWS} on Windows, else {@link #POSIX}
     */
    public static NameStyle ofPlatform() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : POSIX;
    }

    /**
     * Escapes a name (an encoded key, or a scope name) for this style.
     *
     * @param name the name
     * @return the file-system name
     */
    public String escape(String name) {
        if (this == POSIX) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':') {
                out.append("%2F");
            } else if (WINDOWS_FORBIDDEN.indexOf(c) >= 0 || (i == 0 && isDeviceName(name))
                    || (i == name.length() - 1 && (c == '.' || c == ' '))) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Reverses {@link #escape}.
     *
     * @param fileName a file-system name
     * @return the name it was made from, or {@code null} if {@code escape} cannot have produced it
     */
    public String unescape(String fileName) {
        if (this == POSIX) {
            return fileName;
        }
        StringBuilder out = new StringBuilder(fileName.length());
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c == '%' && i + 2 < fileName.length()) {
                int code = hex(fileName.charAt(i + 1)) * 16 + hex(fileName.charAt(i + 2));
                if (code < 0) {
                    return null;
                }
                out.append(code == '/' ? ':' : (char) code);
                i += 2;
            } else {
                out.append(c);
            }
        }
        String name = out.toString();
        return escape(name).equals(fileName) ? name : null;
    }

    private static boolean isDeviceName(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT));
    }

    private static int hex(char c) {
        int v = Character.digit(c, 16);
        return v < 0 ? -1000 : v;
    }
}
