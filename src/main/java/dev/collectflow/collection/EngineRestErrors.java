package dev.collectflow.collection;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caller mistakes that reach the engine through {@code /engine-rest} answer 4xx, not 500. The engine wraps an
 * exception of a task listener in a plain {@link ProcessEngineException}, which Camunda's own mapping answers with
 * 500: a refused completion or assignment is unwrapped here (400, 403), a claim of a claimed task is a 409. Every
 * other exception keeps Camunda's mapping. {@link TaskCompletionGuard} refuses these mistakes before they reach the
 * engine; this mapping covers what changes between its check and the engine's (another person claiming first).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer callerMistakesAreNotServerErrors() {
        return config -> config.register(CallerMistakes.class);
    }

    /** Chosen before Camunda's mapping of the same exception type, and only for the exceptions it knows. */
    @Priority(Priorities.USER - 1000)
    static class CallerMistakes implements ExtendedExceptionMapper<ProcessEngineException> {

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return status(exception) != null;
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response.Status status = status(exception);
            Throwable mistake = mistake(exception);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", mistake.getClass().getSimpleName());
            body.put("message", mistake.getMessage());
            body.put("code", null);
            return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }

        private static Response.Status status(Throwable exception) {
            Throwable mistake = mistake(exception);
            if (mistake instanceof TaskInputRejectedException) {
                return Response.Status.BAD_REQUEST;
            }
            if (mistake instanceof TaskAssignmentRefusedException) {
                return Response.Status.FORBIDDEN;
            }
            if (mistake instanceof TaskAlreadyClaimedException) {
                return Response.Status.CONFLICT;
            }
            return null;
        }

        /** The refusal inside the engine's wrapping, or the exception itself. */
        private static Throwable mistake(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskInputRejectedException || cause instanceof TaskAssignmentRefusedException
                        || cause instanceof TaskAlreadyClaimedException) {
                    return cause;
                }
            }
            return exception;
        }
    }
}
