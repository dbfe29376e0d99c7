package org.coalitionledger.storage;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code db} health check (replacing Spring Boot's), answered within {@link #LIMIT} however the database fails:
 * it asks for a connection and checks it on a thread of its own, and says DOWN when no answer came in time (the
 * pool may wait {@code connection-timeout} for a connection). A check still running is waited for, not repeated, so
 * that probes never pile up threads. Part of the readiness group.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final Duration LIMIT = Duration.ofMillis(1500);

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Future<Health> check;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checker.submit(this::check);
            }
            check = running;
        }
        try {
            return check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "the database did not answer within " + LIMIT).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", "the database check failed").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    private Health check() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid((int) Math.max(1, LIMIT.toSeconds()));
            return valid ? Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName())
                    .build() : Health.down().withDetail("error", "the database connection is not valid").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", "the database does not answer").build();
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
