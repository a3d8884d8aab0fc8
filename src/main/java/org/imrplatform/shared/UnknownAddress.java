package org.imrplatform.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * A request whose address no page or static file answers. Such an address is "not found" for everyone, visitors
 * included, rather than a reason to sign in: a pasted address with a typo (or a PDF's ligature) should say so.
 */
final class UnknownAddress implements RequestMatcher {

    private final HandlerMappingIntrospector routes;

    UnknownAddress(HandlerMappingIntrospector routes) {
        this.routes = routes;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        // Only requests no other rule matched get here, so they alone pay for this lookup (see RouteLookupOnce).
        HandlerMappingIntrospector.CachedResult before = routes.setCache(request);
        try {
            return routes.getMatchableHandlerMapping(request) == null;
        } catch (Exception e) {
            // A route that exists but not for this method (a GET of a form's POST address) is not unknown.
            return false;
        } finally {
            routes.resetCache(request, before);
        }
    }
}
