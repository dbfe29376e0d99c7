package org.coalitionledger.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A query streamed row by row on a connection of its own: read-only, outside auto-commit and with a fetch size, so
 * that PostgreSQL uses a cursor and H2 pages through the result instead of loading it whole. Close it when done.
 */
final class Rows<T> implements Iterator<T>, AutoCloseable {

    static final int FETCH_SIZE = 1_000;

    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final Mapper<T> mapper;
    private Boolean hasNext;

    private Rows(Connection connection, PreparedStatement statement, ResultSet result, Mapper<T> mapper) {
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.mapper = mapper;
    }

    static <T> Rows<T> open(DataSource dataSource, String sql, Mapper<T> mapper, Object... parameters) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                                                                      ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return new Rows<>(connection, statement, statement.executeQuery(), mapper);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("cannot read the audit tables", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = result.next();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit tables", e);
            }
        }
        return hasNext;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            return mapper.map(result);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit tables", e);
        }
    }

    @Override
    public void close() {
        try (connection; statement; result) {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close a read of the audit tables", e);
        }
    }
}
