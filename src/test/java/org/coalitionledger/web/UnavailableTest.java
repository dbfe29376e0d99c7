package org.coalitionledger.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.coalitionledger.storage.DatabaseFailures;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailableTest {

    @Test
    void anUnreachableDatabaseDeepInAxonsWrappingIs503WithRetryAfter() {
        Exception failure = new CommandExecutionException("command failed", new CannotCreateTransactionException(
                "Could not open JPA EntityManager", new SQLTransientConnectionException("connection timed out")));
        ResponseEntity<Object> answer = Unavailable.answer(failure).orElseThrow();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("field", "database");
    }

    @Test
    void aConnectionRefusedByTheServerIsUnreachableToo() {
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aFullDiskIs507() {
        Exception h2 = new RuntimeException("Could not commit", new java.io.IOException("No space left on device"));
        assertThat(Unavailable.answer(h2).orElseThrow().getStatusCode().value()).isEqualTo(507);
        Exception postgres = new RuntimeException(new SQLException("could not extend file", "53100"));
        ResponseEntity<Object> answer = Unavailable.answer(postgres).orElseThrow();
        assertThat(answer.getStatusCode().value()).isEqualTo(507);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("field", "storage");
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("check",
                new SQLException("check violated", "23513")))).isFalse();
        assertThat(Unavailable.answer(new IllegalStateException("bug"))).isEmpty();
    }
}
