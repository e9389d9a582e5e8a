package io.github.statestore.contract;

import java.util.List;

/** Keys that break naive stores: separators, escapes, traversal, Unicode, and the longest allowed. */
public final class AwkwardKeys {
    private AwkwardKeys() {
    }

    /** A valid key of exactly 1,024 UTF-8 bytes. */
    public static final String LONGEST_ASCII = "k".repeat(1024);

    /** A valid key of 1,024 UTF-8 bytes made of 3-byte characters, with slashes. */
    public static final String LONGEST_UNICODE = ("₪₪₪₪₪₪₪/").repeat(46) + "₪₪₪₪";

    /** The corpus: each is a valid key, and no two encode alike. */
    public static final List<String> ALL = List.of(
            "plain", "sp ace", "colon:", ":leading", "p%2Fct", "%", "%25", "%3A", "a%3Ab", "unic₪de",
            "a/b/c", "/leading", "trailing/", "a//b", "../x", "..", ".", ".hidden", "x.json", "x.tmp",
            "back\\slash", "C:\\Windows", "CON", "nul.txt", "q?u*e<r>y|\"", "emoji 😀🎉", "家/族",
            "tab-less\u00a0nbsp", "%2e%2e", "..%2f..%2fetc", "~", "a%~0123", "mixed/:%", LONGEST_ASCII,
            LONGEST_UNICODE);
}
