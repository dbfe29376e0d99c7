package org.coalitionledger.web;

import org.coalitionledger.common.Rejection;
import org.springframework.http.HttpStatus;

/** The one mapping from why the ledger refused something to the HTTP status it answers, for the API and pages. */
public final class RejectionStatus {

    private RejectionStatus() {
    }

    public static HttpStatus of(Rejection rejection) {
        return switch (rejection.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
    }
}
