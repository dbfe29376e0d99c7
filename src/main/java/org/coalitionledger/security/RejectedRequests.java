package org.coalitionledger.security;

import org.coalitionledger.common.Text;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Spring Security's firewall ({@code StrictHttpFirewall}) refused a request for, in a user's words. */
final class RejectedRequests {

    /** The firewall's words for a forbidden part of a path: {@code ... potentially malicious String "//"}. */
    private static final Pattern FORBIDDEN = Pattern.compile("malicious String \"(.{1,8})\"");

    private RejectedRequests() {
    }

    static String detail(RequestRejectedException rejected) {
        String message = String.valueOf(rejected.getMessage());
        if (message.contains("not normalized")) {
            return "the path is not normalised: it has '.' or '..' segments; send the path they stand for";
        }
        Matcher forbidden = FORBIDDEN.matcher(message);
        if (forbidden.find()) {
            return "the path contains \"" + Text.clip(forbidden.group(1)) + "\", which the ledger refuses in a path"
                    + " (as it does '..', ';', '//', '\\' and encoded '%', '.' or '/')";
        }
        if (message.contains("HTTP method")) {
            return "the HTTP method is not one the ledger answers";
        }
        return "the request is malformed (its path, URL encoding or headers)";
    }
}
