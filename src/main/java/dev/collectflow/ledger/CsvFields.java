package dev.collectflow.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV line (RFC 4180 within a line): separated by the delimiter, optionally in double quotes, in
 * which the delimiter is text and a doubled quote is one quote. Fields are trimmed of surrounding spaces.
 */
final class CsvFields {

    /** The fields, or why the line is not a CSV line. */
    record Parsed(List<String> fields, String problem) {
    }

    private CsvFields() {
    }

    static Parsed parse(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                int opened = i + 1;
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    return new Parsed(null, "has a quote opened at character " + opened + " that is never closed");
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != delimiter) {
                    return new Parsed(null, "has text after a closing quote at character " + (i + 1));
                }
            } else {
                while (i < n && line.charAt(i) != delimiter) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        return new Parsed(null, "has a quote inside an unquoted field at character " + (i + 1));
                    }
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString().strip());
            field.setLength(0);
            if (i >= n) {
                return new Parsed(fields, null);
            }
            i++; // the delimiter
        }
    }
}
