package io.github.statestore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * exactly as printed, so that no sample drifts from the API and none relies on an import it does not show.
 * The rule, also stated in {@code docs/README.md}:
 *
 * <ul>
 *   <li>A block that has a line starting in column 0 with {@code class}, {@code record}, {@code interface} or
 *       {@code enum} (after optional {@code public}, {@code final} or {@code abstract}), or whose first line
 *       starts with {@code package}, is a whole compilation unit, compiled as it is.</li>
 *   <li>Any other block is a snippet: its {@code import} lines first, then statements, as one would type them
 *       into {@code jshell}. The statements become the body of {@code void sample() throws Exception} in a
 *       class {@code Sample}, placed after the snippet's imports. Nothing else is added: no import, no
 *       variable.</li>
 * </ul>
 *
 * Each block compiles on its own, with {@code --release 17}. Failures name the file, the block number (from 1,
 * counting only {@code java} blocks), its first line in the file, and the compiler's messages with the lines
 * they refer to in the Markdown file.
 */
class DocSamplesTest {
    private static final Pattern FENCE_START = Pattern.compile("^ {0,3}```java\\s*$");
    private static final Pattern FENCE_END = Pattern.compile("^ {0,3}```\\s*$");
    private static final Pattern TOP_LEVEL_TYPE =
            Pattern.compile("(?m)^((public|final|abstract)\\s+)*(class|record|interface|enum)\\s+\\w+");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public\\s+((final|abstract)\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    /** A line of a snippet's import header: an import, or a blank or comment line among them. */
    private static final Pattern HEADER_LINE = Pattern.compile("^(import\\s.*|\\s*|\\s*//.*)$");
    private static final String WRAPPER_HEAD = "class Sample { void sample() throws Exception {";
    private static final String WRAPPER_TAIL = "\n}\n}\n";

    @TempDir
    Path out;

    /** One java block of a Markdown file. */
    record Block(Path file, int number, int firstLine, String code) {
        boolean isCompilationUnit() {
            return code.strip().startsWith("package") || TOP_LEVEL_TYPE.matcher(code).find();
        }

        /** How many of a snippet's first lines are its import header. */
        int headerLines() {
            List<String> lines = code.lines().toList();
            int last = 0;
            for (int i = 0; i < lines.size() && HEADER_LINE.matcher(lines.get(i)).matches(); i++) {
                if (lines.get(i).startsWith("import")) {
                    last = i + 1;
                }
            }
            return last;
        }

        String source() {
            if (isCompilationUnit()) {
                return code;
            }
            List<String> lines = code.lines().toList();
            int header = headerLines();
            List<String> source = new ArrayList<>(lines.subList(0, header));
            source.add(WRAPPER_HEAD);
            source.addAll(lines.subList(header, lines.size()));
            return String.join("\n", source) + WRAPPER_TAIL;
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
            boolean wrapped = !isCompilationUnit() && sourceLine > headerLines() + 1;
            return firstLine + sourceLine - 1 - (wrapped ? 1 : 0);
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

    /**
     * The README's secrets sample once used {@code Secret} without importing it, and passed because this test
     * added imports of its own: a snippet missing an import must fail, and the same snippet with it pass.
     */
    @Test
    void aSnippetIsCompiledWithNoImportButItsOwn() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        String body = "Secret key = Secret.of(\"sk_test\");\nSystem.out.println(key);";
        List<String> missing = errors(compiler, files, new Block(Path.of("sample.md"), 1, 1, body));
        assertFalse(missing.isEmpty(), "a snippet compiled without importing Secret");
        assertTrue(missing.get(0).contains("line 1") && missing.get(0).contains("Secret"), missing.toString());
        assertEquals(List.of(), errors(compiler, files, new Block(Path.of("sample.md"), 2, 1,
                "import io.github.statestore.secret.Secret;\n\n" + body)));
        List<String> wrongType = errors(compiler, files, new Block(Path.of("sample.md"), 3, 10,
                "import io.github.statestore.secret.Secret;\n\nSecret key = Secret.of(42);"));
        assertTrue(wrongType.size() == 1 && wrongType.get(0).startsWith("  line 12: "), wrongType.toString());
    }

    private void compile(JavaCompiler compiler, StandardJavaFileManager files, Block block) throws IOException {
        List<String> errors = errors(compiler, files, block);
        if (!errors.isEmpty()) {
            fail(block + " does not compile:\n" + String.join("\n", errors));
        }
    }

    private List<String> errors(JavaCompiler compiler, StandardJavaFileManager files, Block block)
            throws IOException {
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
        compiler.getTask(null, files, diagnostics, options, null, List.of(source)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "  line " + block.markdownLine(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
