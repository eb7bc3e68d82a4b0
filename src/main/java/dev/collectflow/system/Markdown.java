package dev.collectflow.system;

/** Puts text people typed (client names, notes) into Markdown shown in task forms, as plain text on one line. */
public final class Markdown {

    private static final String SPECIAL = "\\`*_[]<>#|~";

    private Markdown() {
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') {
                escaped.append(' ');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
