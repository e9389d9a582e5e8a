/**
 * The {@code statestore} command: looks inside a store and repairs it from a shell, on every backend a
 * {@code StoreConfig} URL reaches ({@code file:}, {@code s3://}, {@code r2://}, {@code memory:} and any plugged-in
 * scheme). Built with picocli; run it from the cli jar, {@code java -jar statestore-<version>-cli.jar}, which
 * {@code mvn -B verify} builds. Its commands, options, output and exit codes are in docs/cli.md.
 *
 * <p>{@link io.github.statestore.cli.Main} is the entry point. The package is not exported by the module: it is
 * a program, not an API, and it runs on the class path. Its only dependency beyond the library, picocli, is
 * optional for the library's users.
 */
package io.github.statestore.cli;
