package dev.collectflow.system;

/** Bean Validation reads {…} and ${…} in messages as expressions: a message made from data is escaped first. */
final class ConstraintMessages {

    private ConstraintMessages() {
    }

    static String literal(String message) {
        StringBuilder escaped = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
