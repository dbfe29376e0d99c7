package org.coalitionledger.security.user.web;

import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.security.user.UserAccounts;
import org.coalitionledger.security.user.UserAccounts.Actor;
import org.coalitionledger.security.user.UserAccounts.IssuedToken;
import org.coalitionledger.security.user.UserAccounts.TokenView;
import org.coalitionledger.security.user.UserAccounts.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Users and their API tokens: ADMIN manages users under {@code /api/admin/users}; every user manages their own
 * password and tokens under {@code /api/users/me} (docs/security.md).
 */
@RestController
class UserController {

    private static final String CHANNEL = "api";

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** A user just created, with the one-time password they sign in with first (shown only here). */
    record CreatedUser(String name, List<String> roles, boolean enabled, String oneTimePassword) {
    }

    /** A new one-time password (shown only here). */
    record OneTimePassword(String oneTimePassword) {
    }

    @GetMapping("/api/admin/users")
    List<UserView> users() {
        return accounts.users();
    }

    @PostMapping("/api/admin/users")
    ResponseEntity<CreatedUser> create(@RequestBody UserRequests.CreateUser body, Authentication caller) {
        String password = accounts.create(actor(caller), body.name(), body.roles());
        UserView user = accounts.user(body.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedUser(user.name(), user.roles(), user.enabled(), password));
    }

    @PatchMapping("/api/admin/users/{name}")
    UserView change(@PathVariable String name, @RequestBody UserRequests.ChangeUser body, Authentication caller) {
        if (body.roles() == null && body.enabled() == null) {
            throw Rejection.invalid("roles", "give roles, enabled or both");
        }
        return accounts.change(actor(caller), name, body.roles(), body.enabled());
    }

    @PostMapping("/api/admin/users/{name}/password-reset")
    OneTimePassword resetPassword(@PathVariable String name, Authentication caller) {
        return new OneTimePassword(accounts.resetPassword(actor(caller), name));
    }

    @DeleteMapping("/api/admin/users/{name}/tokens/{id}")
    ResponseEntity<Void> revokeAnyones(@PathVariable String name, @PathVariable String id, Authentication caller) {
        accounts.revokeToken(actor(caller), name, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/users/me/password")
    ResponseEntity<Void> changePassword(@RequestBody UserRequests.ChangePassword body, Authentication caller) {
        accounts.changePassword(actor(caller), body.current(), body.next());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/users/me/tokens")
    List<TokenView> tokens(Authentication caller) {
        return accounts.tokens(caller.getName());
    }

    @PostMapping("/api/users/me/tokens")
    ResponseEntity<IssuedToken> issue(@RequestBody UserRequests.IssueToken body, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(accounts.issueToken(actor(caller), body.name(), body.roles(), instant(body.expiresAt())));
    }

    @DeleteMapping("/api/users/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, Authentication caller) {
        accounts.revokeToken(actor(caller), caller.getName(), id);
        return ResponseEntity.noContent().build();
    }

    private static Actor actor(Authentication caller) {
        return new Actor(caller.getName(), CHANNEL);
    }

    /** An instant ({@code 2027-01-31T12:00:00Z}) or a day ({@code 2027-01-31}, its start in UTC); null if absent. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("expiresAt", "expiresAt '" + Text.clip(text) + "' is neither an instant such as"
                    + " 2027-01-31T12:00:00Z nor a day such as 2027-01-31");
        }
    }
}
