package org.imrplatform.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses the tool accepts for a platform (its issuer, its login, token and key addresses, a gradebook
 * column): absolute https addresses without user names or fragments. Plain http is accepted only for this machine
 * and only when {@code imr.lti.local-http} is on (the tests' fake platform).
 */
@Component
class PlatformAddress {

    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean localHttp;

    PlatformAddress(@Value("${imr.lti.local-http:false}") boolean localHttp) {
        this.localHttp = localHttp;
    }

    boolean acceptable(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(address.strip());
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || (localHttp && "http".equals(uri.getScheme()) && THIS_MACHINE.contains(uri.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
