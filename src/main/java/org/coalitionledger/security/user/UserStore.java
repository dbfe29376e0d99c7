package org.coalitionledger.security.user;

import org.coalitionledger.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The tables {@code ledger_user} and {@code api_token}: the users who may sign in and their API tokens. */
@Component
public class UserStore {

    /** A stored user. Its password hash stays in this package. */
    public record StoredUser(String name, String passwordHash, Set<Role> roles, boolean enabled,
                             boolean oneTimePassword, long credentialsVersion, Instant createdAt, Instant changedAt) {
    }

    /** A stored API token (its hash only). */
    public record StoredToken(String id, String user, String name, Set<Role> roles, Instant createdAt,
                              Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A token found by its hash, with the state of its user, for the check on each request. */
    record TokenHolder(StoredToken token, Set<Role> userRoles, boolean userEnabled, boolean oneTimePassword) {
    }

    private static final String USER_COLUMNS = "name, password_hash, roles, enabled, one_time_password,"
            + " credentials_version, created_at, changed_at";
    private static final String TOKEN_COLUMNS = "t.id, t.user_name, t.name, t.roles, t.created_at, t.expires_at,"
            + " t.last_used_at, t.revoked_at";

    private final JdbcTemplate jdbc;

    UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user of this name, whatever its case (as sign-in has always matched names); the stored name answers. */
    public Optional<StoredUser> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<StoredUser> found = jdbc.query("select " + USER_COLUMNS + " from ledger_user where name = ?", USER, name);
        if (found.isEmpty()) {
            found = jdbc.query("select " + USER_COLUMNS + " from ledger_user where lower(name) = ?", USER,
                               name.toLowerCase(Locale.ROOT));
        }
        return found.stream().findFirst();
    }

    public List<StoredUser> all() {
        return jdbc.query("select " + USER_COLUMNS + " from ledger_user order by name", USER);
    }

    boolean isEmpty() {
        Integer count = jdbc.queryForObject("select count(*) from ledger_user", Integer.class);
        return count == null || count == 0;
    }

    /**
     * The enabled users, their rows locked until the transaction ends: whoever changes users next waits, so that two
     * admins cannot each disable the other and leave none.
     */
    List<StoredUser> lockEnabled() {
        return jdbc.query("select " + USER_COLUMNS + " from ledger_user where enabled = true order by name for update",
                          USER);
    }

    void insert(StoredUser user) {
        jdbc.update("insert into ledger_user (" + USER_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", user.name(),
                    user.passwordHash(), text(user.roles()), user.enabled(), user.oneTimePassword(),
                    user.credentialsVersion(), Timestamp.from(user.createdAt()), Timestamp.from(user.changedAt()));
    }

    void update(StoredUser user) {
        jdbc.update("update ledger_user set password_hash = ?, roles = ?, enabled = ?, one_time_password = ?,"
                            + " credentials_version = ?, changed_at = ? where name = ?", user.passwordHash(),
                    text(user.roles()), user.enabled(), user.oneTimePassword(), user.credentialsVersion(),
                    Timestamp.from(user.changedAt()), user.name());
    }

    void insertToken(StoredToken token, String hash) {
        jdbc.update("insert into api_token (id, user_name, name, roles, token_hash, created_at, expires_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)", token.id(), token.user(), token.name(),
                    text(token.roles()), hash, Timestamp.from(token.createdAt()), Timestamp.from(token.expiresAt()));
    }

    public List<StoredToken> tokens(String user) {
        return jdbc.query("select " + TOKEN_COLUMNS + " from api_token t where t.user_name = ?"
                                  + " order by t.created_at, t.id", TOKEN, user);
    }

    Optional<StoredToken> token(String user, String id) {
        return jdbc.query("select " + TOKEN_COLUMNS + " from api_token t where t.user_name = ? and t.id = ?", TOKEN,
                          user, id).stream().findFirst();
    }

    void revokeToken(String id, Instant at) {
        jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null", Timestamp.from(at), id);
    }

    /** The token with this hash and the state of its user: one indexed lookup per request. */
    Optional<TokenHolder> tokenByHash(String hash) {
        return jdbc.query("select " + TOKEN_COLUMNS + ", u.roles, u.enabled, u.one_time_password from api_token t"
                                  + " join ledger_user u on u.name = t.user_name where t.token_hash = ?",
                          (row, i) -> new TokenHolder(TOKEN.mapRow(row, i), roles(row.getString(9)),
                                                      row.getBoolean(10), row.getBoolean(11)), hash)
                .stream().findFirst();
    }

    void touchToken(String id, Instant at) {
        jdbc.update("update api_token set last_used_at = ? where id = ?", Timestamp.from(at), id);
    }

    static String text(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).filter(name -> !name.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    /** Role names in a stable order, for answers and events. */
    public static List<String> names(Set<Role> roles) {
        return List.copyOf(roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static final RowMapper<StoredUser> USER = (row, i) -> new StoredUser(
            row.getString(1), row.getString(2), roles(row.getString(3)), row.getBoolean(4), row.getBoolean(5),
            row.getLong(6), instant(row, 7), instant(row, 8));

    private static final RowMapper<StoredToken> TOKEN = (row, i) -> new StoredToken(
            row.getString(1), row.getString(2), row.getString(3), roles(row.getString(4)), instant(row, 5),
            instant(row, 6), instant(row, 7), instant(row, 8));

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
