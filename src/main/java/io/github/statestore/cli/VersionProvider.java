package io.github.statestore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the project's version from {@code version.properties}, which the build fills in. Stateless. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IOException("version.properties is missing from the statestore jar");
            }
            properties.load(in);
        }
        return new String[] {"statestore " + properties.getProperty("version")};
    }
}
