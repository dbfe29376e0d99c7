package org.coalitionledger.security.oidc;

/**
 * The login page's "Sign in with {@code name}" link, present only under the {@code oidc} profile.
 *
 * @param name the provider's name
 * @param path where the sign-in starts
 */
public record SignOnLink(String name, String path) {
}
