package org.coalitionledger.security.user;

import org.coalitionledger.security.Role;
import org.coalitionledger.security.user.UserStore.StoredUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Set;

/**
 * The users who may sign in with a password (form login and HTTP Basic), read from {@code ledger_user} at each
 * login. A disabled user is refused like a wrong password.
 */
public class DatabaseUsers implements UserDetailsService {

    private final UserStore store;

    public DatabaseUsers(UserStore store) {
        this.store = store;
    }

    /**
     * A user signed in with their password, remembering which version of their credentials they signed in with:
     * once the password changes, a session or remembered login made with the older one stops working
     * ({@link UserStateFilter}).
     */
    public static final class SignedIn extends User {

        private final long credentialsVersion;

        SignedIn(StoredUser user) {
            super(user.name(), "{bcrypt}" + user.passwordHash(), user.enabled(), true, true, true,
                  authorities(user.roles()));
            this.credentialsVersion = user.credentialsVersion();
        }

        public long credentialsVersion() {
            return credentialsVersion;
        }

        // equality by name, as Spring's User has it: the version does not make another user
        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return store.find(name).map(SignedIn::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * Whether a login made earlier still holds: its user is stored, enabled, and has the password it was made with
     * (so that a remembered HTTP Basic login is checked anew after a change).
     */
    public boolean isCurrent(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof SignedIn signedIn)) {
            return true;
        }
        return store.find(signedIn.getUsername())
                .filter(user -> user.enabled() && user.credentialsVersion() == signedIn.credentialsVersion())
                .isPresent();
    }

    /** Whether a user of this name is stored (for the log of failed logins). */
    public boolean exists(String name) {
        return store.find(name).isPresent();
    }

    static List<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }
}
