/** A user's program on the module path, for ModulePathIT: it requires the library and nothing else. */
module com.example.modulepath {
    requires io.github.statestore;
}
