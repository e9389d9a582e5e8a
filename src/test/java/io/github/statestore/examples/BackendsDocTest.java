package io.github.statestore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/backends.md shows the ZIP store's files whole: each {@code java} block of the page must be the file of
 * the type it declares, byte for byte, so the walk-through never drifts from the backend the suite runs.
 */
class BackendsDocTest {
    private static final Path PAGE = Path.of("docs/backends.md");
    private static final Path SOURCES = Path.of("src/test/java/com/example/zipstore");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:class|record)\\s+(\\w+)");

    @Test
    void everyJavaBlockIsTheZipStoreFileOfItsType() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>();
        Matcher block = BLOCK.matcher(page);
        while (block.find()) {
            Matcher type = TYPE.matcher(block.group(1));
            type.find();
            Path file = SOURCES.resolve(type.group(1) + ".java");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), block.group(1), file + " differs from "
                    + "its block on " + PAGE);
            shown.add(type.group(1));
        }
        assertEquals(List.of("ZipBackend", "ZipStoreConfig", "ZipStoreProvider", "ZipStoreTest"), shown);
    }
}
