package org.imrplatform.account;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The cookie that marks a browser as one its owner has signed in with (OWASP's "device cookies"), so that the sign-in
 * throttle counts that browser's attempts on their own. It is sent to the sign-in form only and holds a random
 * token; the throttle stores its hash with the account. Read from the request being served, which Spring's request
 * context holds while the sign-in filter checks the password.
 */
@Component
class KnownDevices {

    static final String COOKIE = "imr-device";

    private final SignInThrottle throttle;

    KnownDevices(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    /** The token the browser signing in now shows, if any. */
    Optional<String> presented() {
        return current().map(ServletRequestAttributes::getRequest).map(HttpServletRequest::getCookies)
                .flatMap(cookies -> {
                    for (Cookie cookie : cookies) {
                        if (COOKIE.equals(cookie.getName())) {
                            return Optional.of(cookie.getValue());
                        }
                    }
                    return Optional.empty();
                });
    }

    /** After a right password: a browser without this account's token is given one. */
    void remember(String username, Optional<String> presented) {
        if (presented.filter(token -> throttle.isKnownDevice(username, token)).isPresent()) {
            return;
        }
        current().filter(web -> web.getResponse() != null).ifPresent(web -> {
            HttpServletResponse response = web.getResponse();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, throttle.rememberDevice(username))
                    .path("/login").maxAge(SignInThrottle.DEVICE_KEPT).httpOnly(true).secure(web.getRequest().isSecure()).sameSite("Lax")
                    .build().toString());
        });
    }

    private static Optional<ServletRequestAttributes> current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                ? Optional.of(web) : Optional.empty();
    }
}
