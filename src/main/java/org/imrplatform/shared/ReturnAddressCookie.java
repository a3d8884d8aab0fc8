package org.imrplatform.shared;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where a visitor sent to the sign-in page goes back to afterwards, kept in a short-lived cookie rather than in a
 * stored session: Spring's default stores a session, with the whole request, for every visitor refused a page, so
 * anyone could fill the database by asking. Only the path and query of a page of this site are kept, and only such
 * an address is ever gone back to, so a planted cookie cannot send anyone elsewhere.
 */
class ReturnAddressCookie implements RequestCache {

    static final String COOKIE = "imr-return";
    private static final Duration KEPT = Duration.ofMinutes(30);
    private static final int MAX_LENGTH = 1_000;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String address = addressOf(request);
        if (isPageOfThisSite(address)) {
            write(response, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(address.getBytes(StandardCharsets.UTF_8)), KEPT);
        }
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        String address = read(request);
        return address == null ? null : new SimpleSavedRequest(address);
    }

    /** Nothing is replayed: once the visitor is back at the address, the cookie goes. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        String address = read(request);
        if (address != null && address.equals(addressOf(request))) {
            removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (read(request) != null) {
            write(response, "", Duration.ZERO);
        }
    }

    private static String addressOf(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private static String read(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                try {
                    String address = new String(Base64.getUrlDecoder().decode(cookie.getValue()),
                            StandardCharsets.UTF_8);
                    return isPageOfThisSite(address) ? address : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A path of this site: one slash, then no second one or backslash that a browser would read as another host. */
    private static boolean isPageOfThisSite(String address) {
        return address.length() <= MAX_LENGTH && address.startsWith("/") && !address.startsWith("//")
                && address.indexOf('\\') < 0 && !TextInput.hasControlCharacter(address);
    }

    private static void write(HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite("Lax").build().toString());
    }
}
