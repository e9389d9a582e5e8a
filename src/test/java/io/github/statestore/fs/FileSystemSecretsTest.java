package io.github.statestore.fs;

import io.github.statestore.StateStore;
import io.github.statestore.contract.SecretsContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The secrets suite on the FileSystem backend, reading the files on disk for the stored bytes. */
class FileSystemSecretsTest extends SecretsContract {
    @TempDir
    Path dir;

    @Override
    protected StateStore open(String password) {
        FileSystemConfig.Builder config = FileSystemConfig.builder().root(dir.resolve(".alchemy"));
        return (password == null ? config : config.password(password)).build().open(SCOPE);
    }

    @Override
    protected byte[] storedBytes() throws IOException {
        List<Path> files;
        try (Stream<Path> tree = Files.walk(dir)) {
            files = tree.filter(Files::isRegularFile).toList();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files) {
            all.writeBytes(Files.readAllBytes(file));
        }
        return all.toByteArray();
    }
}
