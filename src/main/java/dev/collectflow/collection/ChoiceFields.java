package dev.collectflow.collection;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a task's fields belong to which answer of its choice (the promised date to a promise, the amount owed to
 * a justified dispute). A field of another answer is refused, so a completion never mixes outcomes and nothing
 * foreign to the decision is stored with it.
 */
public final class ChoiceFields<E extends Enum<E>> {

    private final String choiceField;
    private final Map<E, Set<String>> fieldsOf;

    private ChoiceFields(String choiceField, Map<E, Set<String>> fieldsOf) {
        this.choiceField = choiceField;
        this.fieldsOf = Map.copyOf(fieldsOf);
    }

    /** @param fieldsOf for each answer the fields that only it asks for (answers asking none may be left out) */
    public static <E extends Enum<E>> ChoiceFields<E> of(String choiceField, Map<E, Set<String>> fieldsOf) {
        return new ChoiceFields<>(choiceField, fieldsOf);
    }

    /** Reports every filled-in field that belongs to an answer other than the chosen one. */
    public void refuseForeign(TaskInput input, E chosen) {
        if (chosen == null) {
            return;
        }
        Set<String> own = fieldsOf.getOrDefault(chosen, Set.of());
        Set<String> foreign = new TreeSet<>();
        fieldsOf.values().forEach(foreign::addAll);
        foreign.removeAll(own);
        for (String field : foreign) {
            if (filledIn(input.variable(field))) {
                input.reject(field, "does not belong to " + choiceField + " " + chosen);
            }
        }
    }

    /** Forms send fields they hide as empty or not at all; only a value counts as an answer. */
    private static boolean filledIn(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }
}
