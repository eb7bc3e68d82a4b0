package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.system.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.Test;

/** A refusal the engine wrapped is still the caller's mistake; everything else keeps Camunda's own mapping. */
class EngineRestErrorsTest {

    private final EngineRestErrors.CallerMistakes mapping = new EngineRestErrors.CallerMistakes();

    @Test
    @SuppressWarnings("unchecked")
    void refusalsInsideTheEnginesWrappingAre4xx() {
        ProcessEngineException rejected = new ProcessEngineException("There was an exception while invoking the "
                + "TaskListener", new TaskInputRejectedException("Negotiate payment",
                List.of(new Violation("promisedDate", "must not be in the past"))));
        ProcessEngineException refused = new ProcessEngineException("wrapped",
                new TaskAssignmentRefusedException("max may not hold this task"));

        assertThat(mapping.isMappable(rejected)).isTrue();
        Response answer = mapping.toResponse(rejected);
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat((Map<String, Object>) answer.getEntity()).containsEntry("type", "TaskInputRejectedException")
                .containsEntry("message", "\"Negotiate payment\" cannot be completed: promisedDate must not be in the past");
        assertThat(mapping.toResponse(refused).getStatus()).isEqualTo(403);
        assertThat(mapping.toResponse(new TaskAlreadyClaimedException("42", "lena")).getStatus()).isEqualTo(409);
    }

    @Test
    void otherExceptionsAreLeftToCamunda() {
        assertThat(mapping.isMappable(new ProcessEngineException("database down"))).isFalse();
    }
}
