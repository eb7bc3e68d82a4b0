package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate reads a task request's body as Camunda will, or refuses it. */
class TaskRequestBodyTest {

    private static final Set<String> COMPLETION = Set.of("variables", "withVariablesInReturn");

    private static Map<String, Object> variables(String json) throws TaskRequestBody.Unreadable {
        return TaskRequestBody.read(json.getBytes(StandardCharsets.UTF_8), COMPLETION).variables();
    }

    @Test
    void valuesBecomeWhatTheEngineStores() throws Exception {
        Map<String, Object> values = variables("""
                {"variables": {"text": {"value": "x"}, "typedText": {"value": "y", "type": "String"},
                               "flag": {"value": true}, "small": {"value": 7}, "big": {"value": 12345678901},
                               "decimal": {"value": 1.5}, "long": {"value": 5, "type": "Long"},
                               "nothing": {"value": null}, "day": {"value": "2027-01-15T00:00:00.000+0100", "type": "Date"}},
                 "withVariablesInReturn": false}""");

        assertThat(values).containsEntry("text", "x").containsEntry("typedText", "y").containsEntry("flag", true)
                .containsEntry("small", 7).containsEntry("big", 12345678901L).containsEntry("decimal", 1.5)
                .containsEntry("long", 5L).containsEntry("nothing", null);
        assertThat(values.get("day")).isInstanceOf(Date.class);
        assertThat(variables("")).isEmpty();
        assertThat(variables("{}")).isEmpty();
    }

    @Test
    void whatCannotBeReadIsRefused() {
        for (String body : new String[] {"{", "[]", "\"x\"", "{} {}", "{\"variables\": []}", "{\"other\": 1}",
                "{\"variables\": {\"a\": {\"value\": 1}, \"a\": {\"value\": 2}}}",
                "{\"variables\": {\"a\": \"plain\"}}",
                "{\"variables\": {\"a\": {\"value\": {\"nested\": 1}}}}",
                "{\"variables\": {\"a\": {\"value\": [1]}}}",
                "{\"variables\": {\"a\": {\"value\": 1, \"extra\": 2}}}",
                "{\"variables\": {\"a\": {\"value\": \"x\", \"type\": \"Object\"}}}",
                "{\"variables\": {\"a\": {\"value\": \"{}\", \"type\": \"Json\"}}}",
                "{\"variables\": {\"a\": {\"value\": \"x\", \"valueInfo\": {\"objectTypeName\": \"java.io.File\"}}}}",
                "{\"variables\": {\"a\": {\"value\": 1, \"type\": \"String\"}}}",
                "{\"variables\": {\"a\": {\"value\": \"1\", \"type\": \"Integer\"}}}",
                "{\"variables\": {\"a\": {\"value\": 3000000000, \"type\": \"Integer\"}}}",
                "{\"variables\": {\"a\": {\"value\": 1.5, \"type\": \"Long\"}}}",
                "{\"variables\": {\"a\": {\"value\": \"yes\", \"type\": \"Boolean\"}}}",
                "{\"variables\": {\"a\": {\"value\": \"2027-01-15\", \"type\": \"Date\"}}}",
                "{\"variables\": {\"a\": {\"value\": 123456789012345678901234567890}}}",
                "{\"variables\": {\"a\": {\"value\": 1, \"type\": 5}}}"}) {
            assertThatThrownBy(() -> variables(body)).as(body).isInstanceOf(TaskRequestBody.Unreadable.class);
        }
    }

    @Test
    void aClaimNamesOneUser() throws Exception {
        Set<String> keys = Set.of("userId");
        assertThat(TaskRequestBody.read("{\"userId\": \"sam\"}".getBytes(StandardCharsets.UTF_8), keys).userId())
                .isEqualTo("sam");
        assertThat(TaskRequestBody.read("{\"userId\": null}".getBytes(StandardCharsets.UTF_8), keys).userId()).isNull();
        assertThatThrownBy(() -> TaskRequestBody.read("{\"userId\": 5}".getBytes(StandardCharsets.UTF_8), keys).userId())
                .isInstanceOf(TaskRequestBody.Unreadable.class);
        assertThatThrownBy(() -> TaskRequestBody.read("{\"userId\": \"sam\", \"userId\": \"max\"}"
                .getBytes(StandardCharsets.UTF_8), keys)).isInstanceOf(TaskRequestBody.Unreadable.class);
    }
}
