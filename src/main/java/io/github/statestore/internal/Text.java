package io.github.statestore.internal;

/** Character checks shared by key and scope-name validation. Stateless and thread-safe. */
public final class Text {
    private Text() {
    }

    /**
     * Finds the first character no key or scope name may hold: a control character (C0, DEL or C1) or an
     * unpaired surrogate.
     *
     * @param s the string to check
     * @return a reason naming the index, or {@code null} when every character is allowed
     */
    public static String forbiddenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X at index %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "unpaired surrogate at index " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "unpaired surrogate at index " + i;
            }
        }
        return null;
    }
}
