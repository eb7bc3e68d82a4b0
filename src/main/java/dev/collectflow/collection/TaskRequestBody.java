package dev.collectflow.collection;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON body of a request that completes or assigns a task, read strictly and as Camunda will read it: one object,
 * no duplicate keys, only the keys Camunda's request has, and each variable's value converted to the Java value the
 * engine will see ({@code {"value": "2027-01-15", "type": "String"}} → a String). Anything the gate cannot read that
 * way is refused rather than handed on unchecked.
 */
final class TaskRequestBody {

    /** Camunda's date format for variables of type Date. */
    private static final String CAMUNDA_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
    private static final Set<String> VARIABLE_KEYS = Set.of("value", "type", "valueInfo");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The body cannot be read as the request it claims to be; the message says why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final JsonNode root;

    private TaskRequestBody(JsonNode root) {
        this.root = root;
    }

    /** Reads a JSON object with only the given top-level keys; an empty body is an empty object. */
    static TaskRequestBody read(byte[] body, Set<String> keys) throws Unreadable {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new TaskRequestBody(STRICT.createObjectNode());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonParseException e) {
            throw new Unreadable("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable("The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("The body must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw new Unreadable("Unknown key \"" + name + "\" in the body; expected " + keys);
            }
        }
        return new TaskRequestBody(root);
    }

    /** The {@code userId} of a claim or assignment: a text or null. */
    String userId() throws Unreadable {
        JsonNode userId = root.get("userId");
        if (userId == null || userId.isNull()) {
            return null;
        }
        if (!userId.isTextual()) {
            throw new Unreadable("userId must be a user id (text) or null");
        }
        return userId.asText();
    }

    /** The submitted variables by name, as the Java values the engine will store. */
    Map<String, Object> variables() throws Unreadable {
        JsonNode variables = root.get("variables");
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables == null || variables.isNull()) {
            return values;
        }
        if (!variables.isObject()) {
            throw new Unreadable("variables must be an object of {\"value\": …, \"type\": …} by variable name");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            values.put(variable.getKey(), value(variable.getKey(), variable.getValue()));
        }
        return values;
    }

    private static Object value(String name, JsonNode variable) throws Unreadable {
        if (!variable.isObject()) {
            throw new Unreadable("Variable " + name + " must be an object like {\"value\": …, \"type\": \"String\"}");
        }
        for (Iterator<String> keys = variable.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!VARIABLE_KEYS.contains(key)) {
                throw new Unreadable("Variable " + name + " has an unknown key \"" + key + "\"");
            }
        }
        JsonNode valueInfo = variable.get("valueInfo");
        if (valueInfo != null && !valueInfo.isNull() && !(valueInfo.isObject() && valueInfo.isEmpty())) {
            throw new Unreadable("Variable " + name + ": valueInfo is not accepted");
        }
        JsonNode value = variable.get("value");
        JsonNode type = variable.get("type");
        if (type != null && !type.isNull() && !type.isTextual()) {
            throw new Unreadable("Variable " + name + ": type must be a type name like \"String\"");
        }
        String typeName = type == null || type.isNull() ? null : camundaTypeName(type.asText());
        if (value == null || value.isNull()) {
            if (typeName != null && !Set.of("string", "boolean", "integer", "short", "long", "double", "date", "null")
                    .contains(typeName)) {
                throw unsupported(name, type.asText());
            }
            return null;
        }
        if (typeName == null) {
            return untyped(name, value);
        }
        return switch (typeName) {
            case "string" -> {
                if (!value.isTextual()) {
                    throw new Unreadable("Variable " + name + " of type String must have a text value");
                }
                yield value.asText();
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    throw new Unreadable("Variable " + name + " of type Boolean must be true or false");
                }
                yield value.asBoolean();
            }
            case "integer", "short", "long" -> whole(name, value, typeName);
            case "double" -> {
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw new Unreadable("Variable " + name + " of type Double must be a finite number");
                }
                yield value.asDouble();
            }
            case "date" -> date(name, value);
            case "null" -> throw new Unreadable("Variable " + name + " of type Null must have the value null");
            default -> throw unsupported(name, type.asText());
        };
    }

    /** As Camunda reads a value without type: text, true/false, whole numbers as Integer or Long, others as Double. */
    private static Object untyped(String name, JsonNode value) throws Unreadable {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            if (value.canConvertToInt()) {
                return value.intValue();
            }
            if (value.canConvertToLong()) {
                return value.longValue();
            }
            throw new Unreadable("Variable " + name + " is too large a number");
        }
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            return value.asDouble();
        }
        throw new Unreadable("Variable " + name + " must be a single value (text, number or true/false)");
    }

    private static Object whole(String name, JsonNode value, String typeName) throws Unreadable {
        boolean fits = value.isIntegralNumber() && switch (typeName) {
            case "short" -> value.canConvertToInt() && value.intValue() >= Short.MIN_VALUE
                    && value.intValue() <= Short.MAX_VALUE;
            case "integer" -> value.canConvertToInt();
            default -> value.canConvertToLong();
        };
        if (!fits) {
            throw new Unreadable("Variable " + name + " of type " + typeName + " must be a whole number in its range");
        }
        return switch (typeName) {
            case "short" -> (short) value.intValue();
            case "integer" -> value.intValue();
            default -> value.longValue();
        };
    }

    private static Object date(String name, JsonNode value) throws Unreadable {
        if (value.isTextual()) {
            SimpleDateFormat format = new SimpleDateFormat(CAMUNDA_DATE, Locale.ROOT);
            format.setLenient(false);
            try {
                return format.parse(value.asText());
            } catch (ParseException e) {
                // reported below
            }
        }
        throw new Unreadable("Variable " + name + " of type Date must be a date-time like 2027-01-15T00:00:00.000+0100");
    }

    private static Unreadable unsupported(String name, String type) {
        return new Unreadable("Variable " + name + ": type " + type
                + " is not accepted; send String, Boolean, Integer, Long, Double or Date values");
    }

    /** Camunda lower-cases the first letter of a type name ("String" → "string") and matches the rest exactly. */
    private static String camundaTypeName(String type) {
        return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }
}
