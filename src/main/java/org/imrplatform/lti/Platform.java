package org.imrplatform.lti;

import java.util.List;

/** A learning system registered by an administrator: who it is (issuer), our client id there, and its addresses. */
record Platform(long id, String issuer, String clientId, List<String> deploymentIds, String authorizationUrl,
        String tokenUrl, String jwksUrl) {

    /** The id Spring Security's OAuth2 client knows the registration by, and the last part of its login address. */
    String registrationId() {
        return Long.toString(id);
    }
}
