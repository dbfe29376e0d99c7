package org.coalitionledger.security.user;

import org.coalitionledger.common.Rejection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in UTF-8
 * (all that bcrypt reads), and not one of the common passwords shipped with the ledger
 * ({@code security/common-passwords.txt}, compared without regard to case). A refusal names the rule.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final String LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    PasswordRules(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The rules with the list shipped with the ledger. */
    public static PasswordRules shipped() {
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the application");
            }
            Set<String> words = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordRules(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }

    /** Refuses, with a 400 naming {@code field} and the rule, a password that breaks a rule. */
    public void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw Rejection.invalid(field, field + " is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Rejection.invalid(field, field + " must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Rejection.invalid(field, field + " must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw Rejection.invalid(field, field + " is in the list of common passwords; choose another");
        }
    }

    /** Whether the list holds this password (without regard to case). */
    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }
}
