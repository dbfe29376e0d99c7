package org.coalitionledger.security.user;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.Role;
import org.coalitionledger.security.user.UserStore.StoredToken;
import org.coalitionledger.security.user.UserStore.StoredUser;
import org.coalitionledger.security.user.event.ApiTokenIssued;
import org.coalitionledger.security.user.event.ApiTokenRevoked;
import org.coalitionledger.security.user.event.OneTimePasswordIssued;
import org.coalitionledger.security.user.event.PasswordChanged;
import org.coalitionledger.security.user.event.UserCreated;
import org.coalitionledger.security.user.event.UserDisabled;
import org.coalitionledger.security.user.event.UserEnabled;
import org.coalitionledger.security.user.event.UserEvent;
import org.coalitionledger.security.user.event.UserRolesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Manages the users and their API tokens: every change is written to {@code ledger_user} / {@code api_token} and
 * recorded as a {@link UserEvent} in the event store, in one transaction, so that the audit tree seals it. The events
 * belong to the aggregate {@code UserAccount} with id {@code user:<name>} (no coalition or agreement id holds a
 * colon). No event and no answer but the one that issues it carries a password or a token; only their hashes are
 * kept.
 */
@Service
public class UserAccounts {

    /** The aggregate type of the user events in the event store. */
    public static final String AGGREGATE_TYPE = "UserAccount";
    /** Personal API tokens start with this, so that they are told apart from other bearer tokens (a JWT). */
    public static final String TOKEN_PREFIX = "cl_";

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MAX_TOKEN_NAME = 100;

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;
    private final EventStore events;
    private final Clock clock;
    private final PasswordRules rules = PasswordRules.shipped();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    UserAccounts(UserStore store, EventStore events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Who makes a change, and through which channel ({@code api}, {@code web}, {@code configuration}). */
    public record Actor(String name, String channel) {
    }

    /** A user as the API shows them. */
    public record UserView(String name, List<String> roles, boolean enabled, boolean oneTimePassword,
                           Instant created, Instant changed) {
        static UserView of(StoredUser user) {
            return new UserView(user.name(), UserStore.names(user.roles()), user.enabled(), user.oneTimePassword(),
                                user.createdAt(), user.changedAt());
        }
    }

    /** A token as its owner sees it, without the token. */
    public record TokenView(String id, String name, List<String> roles, Instant created, Instant lastUsed,
                            Instant expiresAt, boolean revoked) {
        static TokenView of(StoredToken token) {
            return new TokenView(token.id(), token.name(), UserStore.names(token.roles()), token.createdAt(),
                                 token.lastUsedAt(), token.expiresAt(), token.revokedAt() != null);
        }
    }

    /** A token just issued: the only time {@code token} is shown. */
    public record IssuedToken(String id, String name, List<String> roles, Instant expiresAt, String token) {
    }

    public List<UserView> users() {
        return store.all().stream().map(UserView::of).toList();
    }

    public UserView user(String name) {
        return UserView.of(existing(name));
    }

    /** Creates a user with a one-time password, which the answer carries (the only time it is shown). */
    @Transactional
    public String create(Actor by, String name, List<String> roleNames) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Rejection.invalid("name", "name must be 1 to 64 characters of A-Z, a-z, 0-9 and ._@-");
        }
        Set<Role> roles = roles(roleNames);
        if (store.find(name).isPresent()) {
            throw Rejection.conflict("name", "a user named '" + store.find(name).get().name() + "' exists already"
                    + " (names are matched whatever their case)");
        }
        String password = oneTimePassword();
        Instant now = clock.instant();
        store.insert(new StoredUser(name, bcrypt.encode(password), roles, true, true, 0, now, now));
        record(by, name, new UserCreated(name, UserStore.names(roles), by.channel(), true));
        log.info("User '{}' created by '{}' with roles {}", name, by.name(), UserStore.names(roles));
        return password;
    }

    /**
     * Creates a user from the configuration or as the initial admin, with a bcrypt hash made elsewhere; a user of that
     * name already stored is left as it is. Answers whether the user was created. Every import, the first start's
     * too, is recorded like every new user ({@code recordedBy} {@code ledger}, channel {@code configuration}), in the
     * same transaction as the row: of several nodes importing the same user at once, one stores both, the others
     * fail on the row and record nothing.
     */
    @Transactional
    public boolean importUser(String name, String bcryptHash, Set<Role> roles, String origin) {
        if (store.find(name).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        store.insert(new StoredUser(name, bcryptHash, EnumSet.copyOf(roles), true, false, 0, now, now));
        record(new Actor("ledger", "configuration"), name,
               new UserCreated(name, UserStore.names(roles), origin, false));
        return true;
    }

    /** Changes a user's roles, enables or disables them; neither may leave the ledger without an enabled ADMIN. */
    @Transactional
    public UserView change(Actor by, String userName, List<String> roleNames, Boolean enabled) {
        Set<Role> roles = roleNames == null ? null : roles(roleNames);
        List<StoredUser> enabledUsers = store.lockEnabled();
        StoredUser user = existing(userName);
        String name = user.name();
        Set<Role> newRoles = roles == null ? user.roles() : roles;
        boolean newEnabled = enabled == null ? user.enabled() : enabled;
        boolean wasAdmin = user.enabled() && user.roles().contains(Role.ADMIN);
        boolean staysAdmin = newEnabled && newRoles.contains(Role.ADMIN);
        if (wasAdmin && !staysAdmin && enabledUsers.stream().noneMatch(
                other -> !other.name().equals(name) && other.roles().contains(Role.ADMIN))) {
            throw Rejection.conflict(roles != null && !newRoles.contains(Role.ADMIN) ? "roles" : "enabled",
                                     "'" + name + "' is the last enabled ADMIN: enable or make another ADMIN first");
        }
        List<UserEvent> changes = new ArrayList<>();
        if (!newRoles.equals(user.roles())) {
            changes.add(new UserRolesChanged(name, UserStore.names(user.roles()), UserStore.names(newRoles)));
        }
        if (newEnabled != user.enabled()) {
            changes.add(newEnabled ? new UserEnabled(name) : new UserDisabled(name));
        }
        if (changes.isEmpty()) {
            return UserView.of(user);
        }
        StoredUser changed = new StoredUser(name, user.passwordHash(), newRoles, newEnabled, user.oneTimePassword(),
                                            user.credentialsVersion() + (newEnabled ? 0 : 1), user.createdAt(),
                                            clock.instant());
        store.update(changed);
        changes.forEach(change -> record(by, name, change));
        log.info("User '{}' changed by '{}': {}", name, by.name(), changes);
        return UserView.of(changed);
    }

    /** Gives a user a new one-time password (answered, shown once); their old password stops working. */
    @Transactional
    public String resetPassword(Actor by, String userName) {
        StoredUser user = existing(userName);
        String name = user.name();
        String password = oneTimePassword();
        store.update(new StoredUser(name, bcrypt.encode(password), user.roles(), user.enabled(), true,
                                    user.credentialsVersion() + 1, user.createdAt(), clock.instant()));
        record(by, name, new OneTimePasswordIssued(name));
        log.info("Password of user '{}' reset by '{}'", name, by.name());
        return password;
    }

    /**
     * The user sets their own password, giving the current one. A one-time password must be replaced by another;
     * otherwise setting the same password again changes nothing but its hash.
     */
    @Transactional
    public void changePassword(Actor by, String current, String next) {
        StoredUser user = existing(by.name());
        if (current == null || current.isEmpty()) {
            throw Rejection.invalid("current", "current is required: the password you signed in with");
        }
        rules.check("new", next);
        if (!bcrypt.matches(current, user.passwordHash())) {
            throw Rejection.invalid("current", "current is not your password");
        }
        boolean same = current.equals(next);
        if (same && user.oneTimePassword()) {
            throw Rejection.invalid("new", "new must differ from the one-time password");
        }
        store.update(new StoredUser(user.name(), bcrypt.encode(next), user.roles(), user.enabled(), false,
                                    user.credentialsVersion() + (same ? 0 : 1), user.createdAt(), clock.instant()));
        record(by, user.name(), new PasswordChanged(user.name()));
        log.info("User '{}' changed their password", user.name());
    }

    /** The user's tokens, newest last. */
    public List<TokenView> tokens(String user) {
        return store.tokens(existing(user).name()).stream().map(TokenView::of).toList();
    }

    /** Issues a token to the user acting; its roles must be some of theirs and it expires within a year. */
    @Transactional
    public IssuedToken issueToken(Actor by, String name, List<String> roleNames, Instant expiresAt) {
        StoredUser user = existing(by.name());
        if (name == null || name.isBlank() || name.length() > MAX_TOKEN_NAME) {
            throw Rejection.invalid("name", "name is required, at most " + MAX_TOKEN_NAME + " characters");
        }
        Set<Role> roles = roles(roleNames);
        Set<Role> notHeld = EnumSet.copyOf(roles);
        notHeld.removeAll(user.roles());
        if (!notHeld.isEmpty()) {
            throw Rejection.invalid("roles", "roles must be some of your own " + UserStore.names(user.roles())
                    + "; you do not hold " + UserStore.names(notHeld));
        }
        Instant now = clock.instant();
        if (expiresAt == null) {
            throw Rejection.invalid("expiresAt", "expiresAt is required: an instant within a year, such as "
                    + now.plusSeconds(30L * 86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(latest)) {
            throw Rejection.invalid("expiresAt", "expiresAt must lie in the future and at most one year ahead"
                    + " (by " + latest + ")");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = UUID.randomUUID().toString();
        String tokenName = name.strip();
        store.insertToken(new StoredToken(id, user.name(), tokenName, roles, now, expiresAt, null, null),
                          hash(token));
        record(by, user.name(), new ApiTokenIssued(user.name(), id, tokenName, UserStore.names(roles),
                                                   expiresAt.toString()));
        log.info("API token {} '{}' issued to user '{}'", id, Text.clip(tokenName), user.name());
        return new IssuedToken(id, tokenName, UserStore.names(roles), expiresAt, token);
    }

    /** Revokes one of {@code owner}'s tokens (by the owner, or by an admin). */
    @Transactional
    public void revokeToken(Actor by, String ownerName, String id) {
        String owner = existing(ownerName).name();
        StoredToken token = store.token(owner, id)
                .orElseThrow(() -> Rejection.notFound("id", "user '" + Text.clip(owner) + "' has no token '"
                        + Text.clip(id) + "'"));
        if (token.revokedAt() != null) {
            return;
        }
        store.revokeToken(id, clock.instant());
        record(by, owner, new ApiTokenRevoked(owner, id));
        log.info("API token {} of user '{}' revoked by '{}'", id, owner, by.name());
    }

    /** The SHA-256 of a token, in hex: what is stored and looked up. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private StoredUser existing(String name) {
        return store.find(name).orElseThrow(() -> Rejection.unknown("user", name == null ? "" : name));
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw Rejection.invalid("roles", "roles must name at least one of " + List.of(Role.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw Rejection.invalid("roles", "unknown role '" + Text.clip(String.valueOf(name))
                        + "': roles are " + List.of(Role.values()));
            }
        }
        return roles;
    }

    private static String oneTimePassword() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Appends the event to the user's stream in the event store, in the current transaction. */
    private void record(Actor by, String user, UserEvent event) {
        String aggregate = aggregateId(user);
        long sequence = events.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
        events.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregate, sequence, event,
                                                       MetaData.with(RecordMetadata.RECORDED_BY, by.name())
                                                               .and(RecordMetadata.CHANNEL, by.channel())));
    }

    /** The aggregate id of a user's events. */
    public static String aggregateId(String user) {
        return "user:" + user;
    }
}
