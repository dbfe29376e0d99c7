package org.coalitionledger.security;

import org.coalitionledger.common.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Checks a user name and password, in front of the bcrypt check: refuses logins that are throttled, counts and logs
 * failures (never the password; a name that is no user's only as "unknown user", since it may be a password typed
 * into the wrong field), and remembers a successful check for a few minutes so that an API client sending
 * HTTP Basic on every request does not pay for bcrypt each time. The remembered key is an HMAC of the password under
 * a random key made at start, never the password.
 */
final class LoginCheck implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int MAX_REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoginCheck.class);

    private final AuthenticationProvider passwords;
    private final Predicate<String> isUser;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Told of every refused login, with the reason ({@code bad_credentials} or {@code throttled}), for metrics. */
    private final Consumer<String> failures;
    private final byte[] key = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Whether a remembered login still holds (the user's password has not changed since); else it is checked anew. */
    private Predicate<Authentication> stillValid = authentication -> true;

    private record Remembered(Authentication authentication, Instant until) {
    }

    /** {@code isUser} says whether a name is a user's (as the user store matches it), for the log only. */
    LoginCheck(AuthenticationProvider passwords, Predicate<String> isUser, LoginThrottle throttle, Clock clock,
               Consumer<String> failures) {
        this.failures = failures;
        this.passwords = passwords;
        this.isUser = isUser;
        this.throttle = throttle;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String user = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Object credentials = attempt.getCredentials();
        String rememberKey = credentials instanceof String password ? user + "\u0000" + mac(password) : null;
        Instant now = clock.instant();
        if (rememberKey != null) {
            Remembered known = remembered.get(rememberKey);
            if (known != null && known.until().isAfter(now)) {
                if (stillValid.test(known.authentication())) {
                    return known.authentication();
                }
                remembered.remove(rememberKey, known);
            }
        }
        Duration wait = throttle.wait(user, address);
        if (!wait.isZero()) {
            log.warn("Login refused for {} from {}: throttled for {} s after failed logins", named(user), address,
                     wait.toSeconds());
            failures.accept("throttled");
            throw new LoginThrottledException(wait);
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (AuthenticationException failed) {
            throttle.failed(user, address);
            failures.accept("bad_credentials");
            log.warn("Failed login for {} from {}", named(user), address);
            throw failed;
        }
        throttle.succeeded(user);
        if (rememberKey != null && authenticated != null) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.values().removeIf(r -> !r.until().isAfter(now));
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
            }
            remembered.put(rememberKey, new Remembered(authenticated, now.plus(REMEMBER)));
        }
        return authenticated;
    }

    /** Sets the check of a remembered login against the user's current state (security.user). */
    LoginCheck rememberedOnlyWhile(Predicate<Authentication> check) {
        this.stillValid = check;
        return this;
    }

    /** A user's name as the log shows it: "user 'ada'", or "unknown user" for a name that is no user's. */
    private String named(String user) {
        return user != null && isUser.test(user) ? "user '" + Text.clip(user) + "'" : "unknown user";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            String digest = HexFormat.of().formatHex(hmac.doFinal(bytes));
            Arrays.fill(bytes, (byte) 0);
            return digest;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
