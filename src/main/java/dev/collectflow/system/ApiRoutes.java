package dev.collectflow.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The API's route templates ({@code /api/clients/{clientId}}), to name the path variable a refused path puts its
 * offending segment in: {@code PUT /api/clients/bad%2Fcl} is at fault in {@code clientId}.
 */
final class ApiRoutes {

    /** Characters a segment may hold without raising suspicion (RFC 3986 unreserved). */
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]*");

    private final Supplier<? extends Collection<String>> templates;

    ApiRoutes(Supplier<? extends Collection<String>> templates) {
        this.templates = templates;
    }

    /** The variables of the first matching route whose segments in the raw path are not plain, each as a violation. */
    List<Violation> violationsIn(String rawPath, String message) {
        String[] segments = rawPath.split("/", -1);
        for (String template : templates.get()) {
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            List<Violation> violations = new ArrayList<>();
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                String variable = variable(parts[i]);
                if (variable == null) {
                    matches = parts[i].equals(segments[i]);
                } else if (!PLAIN_SEGMENT.matcher(segments[i]).matches() || segments[i].matches("\\.+")) {
                    violations.add(new Violation(variable, message));
                }
            }
            if (matches && !violations.isEmpty()) {
                return violations;
            }
        }
        return List.of();
    }

    /** The name of a template segment's variable ({name} or {name:regex}), null for a literal segment. */
    private static String variable(String part) {
        if (!part.startsWith("{") || !part.endsWith("}")) {
            return null;
        }
        String inner = part.substring(1, part.length() - 1);
        int colon = inner.indexOf(':');
        return (colon < 0 ? inner : inner.substring(0, colon)).replace("*", "");
    }
}
