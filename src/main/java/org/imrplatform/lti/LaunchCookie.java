package org.imrplatform.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Binds a launch to the browser that started it: the login initiation gives the browser a random value in a cookie,
 * the launch state keeps only its hash, and the id token is taken only from a request bearing the same cookie. So an
 * id token and state obtained in one browser (an attacker's own launch) cannot be posted from another (login CSRF).
 * A deep linking request made by the launch is kept with the same hash, so its choice page answers that browser only.
 * <p>
 * The id token arrives in a cross-site POST from the learning system, so the cookie must be {@code SameSite=None},
 * which browsers take only with {@code Secure}; over https (the request is secure, behind a proxy from its forwarded
 * headers) it is the {@code __Host-} cookie, bound to this host. Over plain http (a developer's machine, the tests)
 * a Secure cookie would never be sent back, so there it is a plain {@code SameSite=Lax} cookie, which a learning
 * system on the same machine still gets. A browser keeps one value and reuses it, so two launches started at once
 * in one browser (two tabs, two embedded tools) both finish; each state is still used only once.
 */
final class LaunchCookie {

    static final String SECURE_NAME = "__Host-lti-launch";
    static final String LOCAL_NAME = "lti-launch";
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LaunchCookie() {
    }

    /** The browser's launch value, given to it now if it has none: the hash of it is what the launch state keeps. */
    static String give(HttpServletRequest request, HttpServletResponse response) {
        String value = value(request);
        if (value == null) {
            byte[] random = new byte[BYTES];
            RANDOM.nextBytes(random);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        boolean secure = request.isSecure();
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(secure ? SECURE_NAME : LOCAL_NAME, value)
                .path("/").httpOnly(true).secure(secure).sameSite(secure ? "None" : "Lax")
                .maxAge(LaunchStates.LIFETIME).build().toString());
        return hash(value);
    }

    /** The hash of the value the request's browser was given, or null when it bears none. */
    static String hashOf(HttpServletRequest request) {
        String value = value(request);
        return value == null ? null : hash(value);
    }

    private static String value(HttpServletRequest request) {
        String name = request.isSecure() ? SECURE_NAME : LOCAL_NAME;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                // Only a value of the form given here: anything else is no value, and a new one is given.
                if (name.equals(cookie.getName()) && cookie.getValue() != null
                        && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
