package dev.collectflow.security;

import java.util.Arrays;
import java.util.Set;

/** A person calling the application's API, authenticated against Camunda's identity service. */
public record ApiUser(String id, Set<String> groups) {

    public boolean isIn(String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(groups::contains);
    }
}
