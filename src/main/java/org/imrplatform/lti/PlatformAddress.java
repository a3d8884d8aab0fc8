package org.imrplatform.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
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

    /**
     * Whether a gradebook column's address belongs to the platform, so that a signed launch cannot make the tool post
     * scores (with a bearer token) to any other host, internal ones included: its host is the issuer's, the token
     * URL's or the authentication request URL's, or another host under the issuer's parent domain (Canvas Cloud:
     * issuer {@code canvas.instructure.com}, columns on {@code school.instructure.com}). An address given as an IP
     * literal has no parent domain.
     */
    boolean ofPlatform(String address, Platform platform) {
        if (!acceptable(address)) {
            return false;
        }
        String host = host(address);
        String issuerHost = host(platform.issuer());
        if (host.equals(issuerHost) || host.equals(host(platform.tokenUrl()))
                || host.equals(host(platform.authorizationUrl()))) {
            return true;
        }
        int dot = issuerHost.indexOf('.');
        String parent = dot < 0 ? "" : issuerHost.substring(dot + 1);
        return parent.contains(".") && !isIpLiteral(issuerHost) && !isIpLiteral(host) && host.endsWith("." + parent);
    }

    private static String host(String address) {
        String host = URI.create(address.strip()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
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
