package dev.collectflow.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads a date only as a JSON string {@code "yyyy-MM-dd"}: no number (an epoch day), no date-time, no signed or
 * five-digit year, no 2026-02-30. What the API documents is all it accepts.
 */
public final class IsoDate extends StdScalarDeserializer<LocalDate> {

    public static final String EXPECTED = "a date like 2026-12-31";
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public IsoDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser.currentToken(), parser,
                    "expected " + EXPECTED + " in quotes");
        }
        String text = parser.getText();
        if (SHAPE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // falls through: 2026-02-30 has the shape of a date but is none
            }
        }
        return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "expected " + EXPECTED);
    }
}
