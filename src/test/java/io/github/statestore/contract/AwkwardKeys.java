package io.github.statestore.contract;

import java.util.List;

/** Keys that break naive stores: separators, escapes, traversal, Unicode, and the longest allowed. */
public final class AwkwardKeys {
    private AwkwardKeys() {
    }

    /** The longest valid key: 1,024 UTF-8 bytes. Too long for S3 once a prefix and scope are added. */
    public static final String LONGEST_ASCII = "k".repeat(1024);

    /** The longest valid key of 3-byte characters and slashes: 1,024 UTF-8 bytes. */
    public static final String LONGEST_UNICODE = "₪₪₪₪₪₪₪/".repeat(46) + "₪₪₪₪";

    /**
     * A key of 1,000 UTF-8 bytes: long enough for the FileSystem store's long-name form, short enough that
     * its S3 object key (prefix and scope included) stays within S3's 1,024-byte limit.
     */
    public static final String LONG_ASCII = "k".repeat(1000);

    /** A key of 1,000 UTF-8 bytes made of 3-byte characters, with slashes. */
    public static final String LONG_UNICODE = ("₪₪₪₪₪₪₪/").repeat(43) + "₪".repeat(18);

    /** The corpus: each is a valid key, and no two encode alike. */
    public static final List<String> ALL = List.of(
            "plain", "sp ace", "colon:", ":leading", "p%2Fct", "%", "%25", "%3A", "a%3Ab", "unic₪de",
            "a/b/c", "/leading", "trailing/", "a//b", "../x", "...", "./x", ".hidden", "x.json", "x.tmp",
            "back\\slash", "C:\\Windows", "CON", "nul.txt", "q?u*e<r>y|\"", "emoji 😀🎉", "家/族",
            "tab-less\u00a0nbsp", "%2e%2e", "..%2f..%2fetc", "~", "a%~0123", "mixed/:%", LONG_ASCII,
            LONG_UNICODE);
}
