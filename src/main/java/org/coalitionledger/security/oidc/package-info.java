/**
 * Single sign-on through an OpenID Connect provider, only under the {@code oidc} profile ({@link
 * org.coalitionledger.security.oidc.OidcConfig}): "Sign in with …" on the login page (authorization code flow),
 * Bearer JWTs of the same issuer on the API, and the ledger's roles read from a configurable claim
 * ({@link org.coalitionledger.security.oidc.RoleClaim}). Without the profile nothing here is loaded. See
 * docs/security.md, "Single sign-on".
 */
package org.coalitionledger.security.oidc;
