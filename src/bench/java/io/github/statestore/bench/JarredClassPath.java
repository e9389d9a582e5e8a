package io.github.statestore.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path with every directory packed into a jar, because a class-data sharing archive accepts only
 * jars on the class path. Stateless and thread-safe.
 */
final class JarredClassPath {
    private JarredClassPath() {
    }

    /**
     * @param classPath a class path
     * @param into where to write the jars
     * @return the class path, directories replaced by jars of their contents
     */
    static String of(String classPath, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = into.resolve("classes-" + n++ + ".jar");
                pack(path, jar);
                entries.add(jar.toAbsolutePath().toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path dir, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
