package org.imrplatform.lti;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Why a launch was refused, as the refusal page tells it (what went wrong and what to ask the LMS administrator).
 * Each is a message key suffix; nothing the launch sent is shown back.
 */
enum Refusal {
    /** The initiation named no registered platform, or an issuer or client id not registered together. */
    UNKNOWN_PLATFORM(403),
    /** The deployment id is not one registered for the platform. */
    UNKNOWN_DEPLOYMENT(403),
    /** The id token's signature does not verify with the platform's keys, or it is not a signed token at all. */
    SIGNATURE(403),
    /** The id token has expired, or was issued too long ago (or in the future). */
    EXPIRED(400),
    /** The launch was already used, took too long, or its nonce is not the one this launch was given. */
    REPLAYED(400),
    /** The id token was made for another tool (audience or authorized party). */
    AUDIENCE(403),
    /** The launch points at an address that is not a course or module of this site. */
    TARGET(400),
    /** A required part of the launch is missing or is not LTI 1.3 (message type, version, subject, ...). */
    MESSAGE(400);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    /** The response status of the refusal page: 403 when the launch's sender is not trusted, else 400. */
    int status() {
        return status;
    }

    String messageKey() {
        return "lti.refused." + name();
    }

    OAuth2AuthenticationException exception(String detail) {
        return new OAuth2AuthenticationException(new OAuth2Error(name()), detail);
    }

    /** The refusal an error of the launch stands for, the library's own errors included. */
    static Refusal of(OAuth2AuthenticationException e) {
        String code = e.getError().getErrorCode();
        for (Refusal refusal : values()) {
            if (refusal.name().equals(code)) {
                return refusal;
            }
        }
        String detail = String.valueOf(e.getMessage());
        if ("authorization_request_not_found".equals(code)) {
            return REPLAYED;
        }
        if ("client_registration_not_found".equals(code) || detail.startsWith("Issuer")) {
            return UNKNOWN_PLATFORM;
        }
        if (detail.contains("audience") || detail.contains("Authorized party")) {
            return AUDIENCE;
        }
        if ("invalid_id_token".equals(code) && "invalid_id_token".equals(detail)) {
            // The library's check that the token was not issued in the future.
            return EXPIRED;
        }
        return MESSAGE;
    }
}
