package dev.collectflow.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node sets up at a time. Before its engine is built a node locks the row {@code start-up} of
 * {@code setup_lock} in a transaction of its own and keeps it until the application is ready: the engine's admin
 * user, the deployment, the departments' grants and the Tasklist filters are created by one node while any other
 * node starting at the same moment waits here, then finds them in place. A node that dies while holding the lock
 * loses its connection, and the database releases the lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartUpLock extends SpringBootProcessEnginePlugin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartUpLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartUpLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement lock = connection.prepareStatement(
                        "select name from setup_lock where name = 'start-up' for update");
                     ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("setup_lock has no row 'start-up'; is the database migrated?");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            held = connection;
            log.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void setUpDone() {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            connection.rollback();
            log.info("Start-up lock released");
        } catch (SQLException e) {
            log.warn("Start-up lock: closing its connection failed ({}); the database releases it", e.getMessage());
        } finally {
            held = null;
        }
    }
}
