package org.imrplatform.shared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Some pages are the same for every visitor who is not signed in (course pages, the areas' public pages: see
 * {@link VisitorPages}), so such a page is rendered once and then served from memory (headers included) until the
 * revision of what it shows moves on.
 * Only requests that carry no cookie but the language choice are served from here, and only responses that set
 * no cookie are kept: anything tied to one visitor (a session, a CSRF token) is never shared. A page is kept by its
 * path and the language it is shown in, as the application resolves it, never by raw headers or query strings:
 * visitors cannot fill the cache with copies of one page, nor get another language's copy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class VisitorPageCache extends OncePerRequestFilter {

    public static final String LANGUAGE_COOKIE = "imr-lang";

    /** A page as rendered for the revision it was rendered at. */
    private record CachedPage(String revision, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    private final List<VisitorPages> kinds;
    private final LocaleResolver languages;
    private final Cache<String, CachedPage> pages = Caffeine.newBuilder().maximumSize(2_000).build();

    VisitorPageCache(List<VisitorPages> kinds, LocaleResolver languages) {
        this.kinds = List.copyOf(kinds);
        this.languages = languages;
    }

    /** The ids in these addresses are plain words, so a percent-encoded address is one page spelled another way. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || uri.indexOf('%') >= 0 || request.getQueryString() != null
                || !request.getParameterMap().isEmpty()
                || !onlyLanguageCookie(request.getCookies()) || kinds.stream().noneMatch(kind -> kind.covers(uri));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Always English or Spanish, whatever the cookie or headers say (see LanguageConfig).
        String language = languages.resolveLocale(request).getLanguage();
        String uri = request.getRequestURI();
        VisitorPages kind = kinds.stream().filter(k -> k.covers(uri)).findFirst().orElseThrow();
        // One copy per page and language, replaced when the revision moves on: old revisions' copies do not pile up.
        String key = language + " " + uri;
        String revision = kind.revision();
        CachedPage cached = pages.getIfPresent(key);
        if (cached != null && cached.revision().equals(revision)) {
            cached.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
            response.setContentLength(cached.body().length);
            response.getOutputStream().write(cached.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (isShareable(wrapper)) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : wrapper.getHeaderNames()) {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    wrapper.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
                }
            }
            pages.put(key, new CachedPage(revision, List.copyOf(headers), wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    private static boolean isShareable(HttpServletResponse response) {
        String type = response.getContentType();
        return response.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty();
    }

    private static boolean onlyLanguageCookie(Cookie[] cookies) {
        if (cookies == null) {
            return true;
        }
        for (Cookie cookie : cookies) {
            if (!LANGUAGE_COOKIE.equals(cookie.getName())) {
                return false;
            }
        }
        return true;
    }

    /** How many copies of the page at this path are kept, for tests. */
    public long copiesOf(String path) {
        return pages.asMap().keySet().stream().filter(key -> key.endsWith(" " + path)).count();
    }
}
