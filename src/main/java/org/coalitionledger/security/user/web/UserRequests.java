package org.coalitionledger.security.user.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The request bodies of the user and token endpoints. */
final class UserRequests {

    private UserRequests() {
    }

    /** {@code POST /api/admin/users}. */
    record CreateUser(String name, List<String> roles) {
    }

    /** {@code PATCH /api/admin/users/{name}}: what is absent stays as it is. */
    record ChangeUser(List<String> roles, Boolean enabled) {
    }

    /** {@code POST /api/users/me/password}. */
    record ChangePassword(String current, @JsonProperty("new") String next) {
    }

    /** {@code POST /api/users/me/tokens}: {@code expiresAt} an instant or a day (its start, UTC). */
    record IssueToken(String name, List<String> roles, String expiresAt) {
    }
}
