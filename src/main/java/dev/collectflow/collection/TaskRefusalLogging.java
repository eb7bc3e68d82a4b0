package dev.collectflow.collection;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A caller's mistake is no operator error. Camunda logs a refused request at debug level (a bad request, a missing
 * permission), except when a task listener refused it: the engine wraps the listener's exception and logs the
 * failed command as {@code ENGINE-16004} ERROR with its stack trace. Where the refusal is a task's own
 * ({@link TaskInputRejectedException}, {@link TaskAssignmentRefusedException}) that line becomes one WARN line without
 * stack trace, so an alert on ERROR pages nobody for a typo; every other failure stays an ERROR. (Over REST,
 * {@link TaskCompletionGuard} refuses such requests before the engine sees them.)
 */
@Component
class TaskRefusalLogging {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    private static final Logger log = LoggerFactory.getLogger(TaskRefusalLogging.class);

    private final TurboFilter filter = new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
                return FilterReply.NEUTRAL;
            }
            Throwable mistake = mistake(t != null ? t : lastThrowable(params));
            if (mistake == null) {
                return FilterReply.NEUTRAL;
            }
            log.warn("Refused by the engine, the caller's mistake: {}", mistake.getMessage());
            return FilterReply.DENY;
        }
    };

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            filter.setName("caller mistakes are no errors");
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @PreDestroy
    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(filter);
        }
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }

    /** The task's refusal inside the engine's wrapping, or null. */
    private static Throwable mistake(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TaskInputRejectedException || cause instanceof TaskAssignmentRefusedException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }
}
