package dev.collectflow.system;

/** One reason why input was refused, naming the field it concerns. */
public record Violation(String field, String message) {
}
