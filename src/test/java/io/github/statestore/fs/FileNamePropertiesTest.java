package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.key.KeyArbitraries;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.key.NameStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Windows escaping round-trips into names Windows accepts; every key's file name fits 255 bytes, reads back. */
class FileNamePropertiesTest {
    private static final String WINDOWS_FORBIDDEN = "<>:\"\\|?*";
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³");
    private static final FileLayout POSIX = new FileLayout(Path.of("root"), NameStyle.POSIX);
    private static final FileLayout WINDOWS = new FileLayout(Path.of("root"), NameStyle.WINDOWS);

    @Property(tries = 500)
    void windowsUnescapeReversesEscape(@ForAll("anyNames") String name) {
        assertEquals(name, NameStyle.WINDOWS.unescape(NameStyle.WINDOWS.escape(name)));
    }

    @Property(tries = 500)
    void windowsNamesHoldNoForbiddenCharacterAndNoDeviceStem(@ForAll("anyNames") String name) {
        assertWindowsSafe(NameStyle.WINDOWS.escape(name));
    }

    @Property(tries = 300)
    void windowsFileNamesOfKeysAreSafe(@ForAll("keys") String key) {
        assertWindowsSafe(WINDOWS.fileName(key));
    }

    @Property(tries = 500)
    void shortFileNamesReadBackAsTheirKey(@ForAll("keys") String key) {
        for (FileLayout layout : new FileLayout[] {POSIX, WINDOWS}) {
            String name = layout.fileName(key);
            if (FileLayout.isLongName(name)) {
                assertNull(layout.keyOf(name), name);
            } else {
                assertEquals(key, layout.keyOf(name), name);
            }
        }
    }

    @Property(tries = 200)
    void everyValidKeyHasAFileNameOfAtMost255Bytes(@ForAll("longKeys") String key) {
        String encoded;
        try {
            encoded = KeyCodec.encode(key);
        } catch (InvalidKeyException tooLong) {
            return;
        }
        for (FileLayout layout : new FileLayout[] {POSIX, WINDOWS}) {
            String name = layout.fileName(key);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileLayout.MAX_NAME_BYTES, name);
            assertTrue(name.endsWith(FileLayout.SUFFIX), name);
            boolean fits = encoded.getBytes(StandardCharsets.UTF_8).length + FileLayout.SUFFIX.length()
                    <= FileLayout.MAX_NAME_BYTES;
            if (fits && layout == POSIX) {
                assertEquals(encoded + FileLayout.SUFFIX, name);
            }
            if (!fits) {
                assertTrue(FileLayout.isLongName(name), name);
            }
        }
    }

    private static void assertWindowsSafe(String fileName) {
        for (char c : WINDOWS_FORBIDDEN.toCharArray()) {
            assertFalse(fileName.indexOf(c) >= 0, () -> fileName + " holds " + c);
        }
        int dot = fileName.indexOf('.');
        String stem = (dot < 0 ? fileName : fileName.substring(0, dot)).toUpperCase(Locale.ROOT);
        assertFalse(DEVICE_NAMES.contains(stem) || DEVICE_NAMES.contains(stem.stripTrailing()),
                () -> fileName + " has a device-name stem");
    }

    @Provide
    Arbitrary<String> anyNames() {
        return KeyArbitraries.anyNames();
    }

    @Provide
    Arbitrary<String> keys() {
        return KeyArbitraries.keys();
    }

    @Provide
    Arbitrary<String> longKeys() {
        return KeyArbitraries.longKeys();
    }
}
