package io.github.statestore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.s3.S3Server;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library on the module path, as a JPMS user runs it: a small program in a named module that requires
 * only {@code io.github.statestore} is compiled with {@code --module-path} and run in a child JVM with
 * {@code --module-path} and {@code -m}, with no {@code --add-modules ALL-MODULE-PATH} and no
 * {@code --add-opens}; it writes, reads (a secret included), updates and deletes on the FileSystem store and
 * on S3 (S3Proxy). The store providers are found through the module descriptor's {@code provides}. Micrometer,
 * an optional dependency the program does not use, is left off the module path: the library runs without it.
 */
class ModulePathIT {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path DEPENDENCIES = Path.of("target/runtime-classpath.txt");

    @TempDir
    Path dir;

    @Test
    void aProgramOnTheModulePathUsesTheFileSystemAndS3Stores() throws Exception {
        String modulePath = CLASSES + File.pathSeparator + Stream.of(Files.readString(DEPENDENCIES).strip()
                .split(File.pathSeparator)).filter(jar -> !jar.contains("micrometer")).collect(Collectors.joining(
                        File.pathSeparator));
        Path app = dir.resolve("app");
        compile(modulePath, app);
        String bucket = S3Server.newBucket();
        String s3 = "s3://" + bucket + "?region=us-east-1&pathStyle=true&createBucket=true&endpoint="
                + URLEncoder.encode(S3Server.endpoint().toString(), StandardCharsets.UTF_8);
        String file = "file:" + dir.resolve(".alchemy");
        ProcessBuilder run = new ProcessBuilder(javaHome().resolve("bin/java").toString(),
                "--module-path", app + File.pathSeparator + modulePath,
                "-m", "com.example.modulepath/com.example.modulepath.Main", file, s3)
                .redirectErrorStream(true);
        run.environment().put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        run.environment().put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        run.environment().put("STATESTORE_PASSWORD", "module-path-password");
        Process process = run.start();
        List<String> output;
        try (Stream<String> lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
            output = lines.toList();
        }
        process.waitFor(2, TimeUnit.MINUTES);
        assertEquals(0, process.exitValue(), String.join("\n", output));
        assertEquals(List.of("file ok s3cr3t []", "s3 ok s3cr3t []"),
                output.stream().filter(l -> l.endsWith(" ok s3cr3t []")).toList(), String.join("\n", output));
    }

    private static void compile(String modulePath, Path out) throws IOException, URISyntaxException {
        Path sources = Path.of(ModulePathIT.class.getResource("/module-path-app/module-info.java").toURI())
                .getParent();
        List<String> args = new ArrayList<>(List.of("--release", "17", "--module-path", modulePath, "-d",
                out.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the program did not compile");
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
