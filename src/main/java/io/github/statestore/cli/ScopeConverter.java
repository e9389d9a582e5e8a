package io.github.statestore.cli;

import io.github.statestore.InvalidScopeException;
import io.github.statestore.Scope;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a scope written as {@code app/stage/...}; an invalid one is a usage error. Stateless. */
final class ScopeConverter implements ITypeConverter<Scope> {
    @Override
    public Scope convert(String value) {
        try {
            return Scope.parse(value);
        } catch (InvalidScopeException e) {
            throw new TypeConversionException("'" + value + "' is not a scope such as my-app/dev: " + e.getMessage());
        }
    }
}
