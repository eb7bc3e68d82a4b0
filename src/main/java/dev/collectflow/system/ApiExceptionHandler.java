package dev.collectflow.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as {@code application/problem+json}: a title, a detail and, where fields are at fault,
 * {@code errors: [{field, message}]}. Bad input is a 4xx and changes nothing (the transaction rolls back).
 */
@RestControllerAdvice(basePackages = "dev.collectflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Request breaks a business rule", e.getMessage(),
                e.violations());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflicts with what is recorded", e.getMessage(),
                e.field() == null ? List.of() : List.of(new Violation(e.field(), e.getMessage())));
    }

    /** Two requests changed the same record at once (or inserted the same key); the client may simply retry. */
    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class,
            OptimisticLockingException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "The record was changed by another request at the same moment; send the request again.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), message(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalidFields(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getFieldErrors().stream().map(error -> new Violation(error.getField(), message(error)))
                        : result.getResolvableErrors().stream().map(error -> new Violation(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidFields(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().body(invalidFields(
                    List.of(new Violation(path(unknown), "is not a known field"))));
        }
        if (cause instanceof InvalidFormatException invalid) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new Violation(path(invalid),
                    "has an invalid value " + quoted(invalid.getValue()) + expected(invalid.getTargetType())))));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new Violation(path(mismatched),
                    "has the wrong type" + expected(mismatched.getTargetType())))));
        }
        if (cause instanceof MismatchedInputException) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                    "The body must be one JSON object with the documented fields.", List.of()));
        }
        String repeated = cause instanceof StreamReadException unreadable ? duplicateKey(unreadable) : null;
        if (repeated != null) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new Violation(repeated,
                    "is given more than once"))));
        }
        if (cause instanceof JsonProcessingException unreadable) {
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                    "The body is not well-formed JSON: " + unreadable.getOriginalMessage() + where(unreadable),
                    List.of()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "Send one JSON object with the documented fields.", List.of()));
    }

    /** The key a JSON object repeats, with its path ("client.name"), when that is why the body was refused. */
    private static String duplicateKey(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null || !String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.hasCurrentName()) {
                names.add(0, context.getCurrentName());
            } else if (context.inArray()) {
                names.add(0, "[" + context.getCurrentIndex() + "]");
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    private static ProblemDetail invalidFields(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, violations);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** The refused value as the caller sent it, shortened: a long value says nothing more. */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return value instanceof String ? "\"" + text + "\"" : text;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> " (expected " + IsoDate.EXPECTED + " in quotes)";
            case "BigDecimal" -> " (expected a number like 1250.00)";
            case "Boolean", "boolean" -> " (expected true or false)";
            case "String" -> " (expected text in quotes)";
            default -> " (expected " + type.getSimpleName() + ")";
        };
    }
}
