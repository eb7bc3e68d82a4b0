package dev.collectflow.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, the APIs answer 503 with an {@code application/problem+json} body and a
 * {@code Retry-After}, not a 500: the request changed nothing and may be sent again. A failure that only looks like a
 * database error (a rollback on a connection that broke, say) is checked against the database itself. Nothing needs restarting when the
 * database returns: the connection pool opens new connections, the job executor acquires jobs again.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableResponse(ObjectMapper json, DataSource dataSource) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException | RuntimeException e) {
                    if (response.isCommitted()
                            || !(causedByUnreachableDatabase(e) || databaseError(e) && !reachable(dataSource))) {
                        throw e;
                    }
                    log.warn("Database unreachable, answered 503: {}", rootCause(e).toString());
                    response.reset();
                    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    json.writeValue(response.getOutputStream(), Map.of("title", "Service unavailable",
                            "status", HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "detail", "The database cannot be reached at the moment; nothing was changed. "
                                    + "Send the request again in a little while."));
                }
            }
        });
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        // right after the webapps' session filter, which must stay the first one mapped (security/WebSecurity)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static boolean causedByUnreachableDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
        }
        return false;
    }

    /** Errors a lost connection can also take the shape of (a rollback on a closed connection, say). */
    static boolean databaseError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof TransactionException || cause instanceof ProcessEnginePersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** Asks the database itself: a fresh connection that answers. */
    private static boolean reachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
