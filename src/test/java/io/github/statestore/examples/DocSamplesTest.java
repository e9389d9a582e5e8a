package io.github.statestore.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md} against the test classpath,
 * so that no sample drifts from the API. The rule, also stated in {@code docs/README.md}:
 *
 * <ul>
 *   <li>A block whose first non-blank line starts with {@code package} or {@code import}, or that has a line
 *       starting in column 0 with {@code class}, {@code record}, {@code interface} or {@code enum} (after
 *       optional {@code public}, {@code final} or {@code abstract}), is a whole compilation unit.</li>
 *   <li>Any other block is the body of {@code void sample() throws Exception { ... }} in a class that imports
 *       {@code io.github.statestore.*}, {@code io.github.statestore.fs.*}, {@code io.github.statestore.key.*},
 *       {@code io.github.statestore.memory.*}, {@code io.github.statestore.r2.*}, {@code io.github.statestore.s3.*},
 *       {@code io.github.statestore.secret.*}, {@code java.net.*}, {@code java.nio.file.*}, {@code java.time.*}
 *       and {@code java.util.*}.</li>
 * </ul>
 *
 * Each block compiles on its own, with {@code --release 17}. Failures name the file, the block number (from 1,
 * counting only {@code java} blocks), its first line in the file, and the compiler's messages.
 */
class DocSamplesTest {
    private static final Pattern FENCE_START = Pattern.compile("^ {0,3}```java\\s*$");
    private static final Pattern FENCE_END = Pattern.compile("^ {0,3}```\\s*$");
    private static final Pattern TOP_LEVEL_TYPE =
            Pattern.compile("(?m)^((public|final|abstract)\\s+)*(class|record|interface|enum)\\s+\\w+");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public\\s+((final|abstract)\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    private static final List<String> WRAPPER_HEAD = List.of(
            "import io.github.statestore.*;",
            "import io.github.statestore.fs.*;",
            "import io.github.statestore.key.*;",
            "import io.github.statestore.memory.*;",
            "import io.github.statestore.r2.*;",
            "import io.github.statestore.s3.*;",
            "import io.github.statestore.secret.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;",
            "class Sample {",
            "void sample() throws Exception {");
    private static final String WRAPPER_TAIL = "\n}\n}\n";

    @TempDir
    Path out;

    /** One java block of a Markdown file. */
    record Block(Path file, int number, int firstLine, String code) {
        boolean isCompilationUnit() {
            String first = code.strip();
            return first.startsWith("package") || first.startsWith("import") || TOP_LEVEL_TYPE.matcher(code).find();
        }

        String source() {
            return isCompilationUnit() ? code : String.join("\n", WRAPPER_HEAD) + "\n" + code + WRAPPER_TAIL;
        }

        String className() {
            if (!isCompilationUnit()) {
                return "Sample";
            }
            Matcher m = PUBLIC_TYPE.matcher(code);
            return m.find() ? m.group(4) : "Sample";
        }

        /** The line in the Markdown file of a line of {@link #source()}. */
        long markdownLine(long sourceLine) {
            return firstLine + sourceLine - 1 - (isCompilationUnit() ? 0 : WRAPPER_HEAD.size());
        }

        @Override
        public String toString() {
            return file + " block " + number + " (line " + firstLine + ")";
        }
    }

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE_START.matcher(lines.get(i)).matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !FENCE_END.matcher(lines.get(end)).matches()) {
                end++;
            }
            if (end == lines.size()) {
                fail(file + ": the java block opened on line " + (i + 1) + " is never closed");
            }
            blocks.add(new Block(file, blocks.size() + 1, start + 1, String.join("\n", lines.subList(start, end))));
            i = end;
        }
        return blocks;
    }

    @Test
    void readmeHasJavaSamples() throws IOException {
        assertFalse(blocks(Path.of("README.md")).isEmpty(), "README.md has no ```java block to check");
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSampleCompiles() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "no system Java compiler: run the tests on a JDK, not a JRE");
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (Block block : blocks(file)) {
                tests.add(DynamicTest.dynamicTest(block.toString(), () -> compile(compiler, files, block)));
            }
        }
        return tests.stream();
    }

    private void compile(JavaCompiler compiler, StandardJavaFileManager files, Block block) throws IOException {
        Path classes = Files.createDirectories(out.resolve(block.file().getFileName() + "-" + block.number()));
        JavaFileObject source = new SimpleJavaFileObject(
                URI.create("string:///" + block.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return block.source();
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString());
        boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(source)).call();
        if (!ok) {
            fail(block + " does not compile:\n" + diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "  line " + block.markdownLine(d.getLineNumber()) + ": "
                            + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
    }
}
