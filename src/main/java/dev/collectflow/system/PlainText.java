package dev.collectflow.system;

/**
 * Text that is safe to store and to show to people: no control characters (line breaks only where the field is
 * multi-line), no bidirectional overrides or isolates and no invisible characters that can disguise what a name or
 * note says when it appears in Tasklist, a mail or a letter. Markup such as {@code <b>} is allowed: it is text, and
 * every place that shows it escapes it.
 */
public final class PlainText {

    private PlainText() {
    }

    /** What is wrong with the text, as a message for its field ("must not contain …"), or null when it is fine. */
    public static String problem(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                i += Character.charCount(c);
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return "must not contain control characters (found " + codePoint(c) + ")";
            }
            if (isBidiControl(c)) {
                return "must not contain characters that change the writing direction (found " + codePoint(c) + ")";
            }
            if (isInvisible(c)) {
                return "must not contain invisible characters (found " + codePoint(c) + ")";
            }
            if (Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE) {
                return "must not contain unassigned or private characters (found " + codePoint(c) + ")";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    public static boolean isPlain(String text, boolean multiline) {
        return problem(text, multiline) == null;
    }

    /** Embeddings, overrides, isolates and marks that reorder how text is displayed. */
    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** Zero-width and other format characters that show as nothing. */
    private static boolean isInvisible(int c) {
        return c >= 0x200B && c <= 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E
                || c >= 0x2061 && c <= 0x2064;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
