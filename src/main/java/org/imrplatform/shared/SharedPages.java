package org.imrplatform.shared;

import java.io.CharArrayWriter;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Pages whose HTML is the same for everyone who reads them with the same roles in the same language, except for
 * two things: who is signed in (the header names them) and the token in the sign-out form. Such a page is rendered
 * once per key, roles and language, with markers standing in for those two, and then served from memory with each
 * reader's own name and token put in their place. That makes a signed-in page nearly as cheap as a visitor's.
 * <p>
 * No person's data can reach the copy kept: it is rendered as a made-up person holding the reader's roles, with
 * the request's parameters, cookies and session hidden. The caller promises that the model holds nothing personal
 * and that the key names everything the model shows (a course version, a slide...): pages that show a person's
 * answers or progress are rendered the usual way.
 */
@Component
public class SharedPages {

    private static final String VISITOR = "visitor";

    /** A page cut where the reader's name and token go. */
    private record Mould(List<byte[]> parts, List<Hole> holes) {

        int weight() {
            return parts.stream().mapToInt(part -> part.length).sum();
        }
    }

    private enum Hole { NAME, TOKEN }

    private final ThymeleafViewResolver views;
    private final Cache<String, Mould> moulds;
    private final String nameMarker;
    private final String tokenMarker;

    SharedPages(ThymeleafViewResolver views, @Value("${imr.shared-pages.memory-megabytes}") long megabytes) {
        this.views = views;
        this.moulds = Caffeine.newBuilder().maximumWeight(megabytes * 1024 * 1024)
                .weigher((String key, Mould mould) -> mould.weight()).build();
        // Random per node, so no course text can contain a marker by chance or on purpose.
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        this.nameMarker = "imr-reader-name-" + nonce;
        this.tokenMarker = "imr-reader-token-" + nonce;
    }

    /**
     * The template as a shared page under {@code key}, which must change whenever anything the model shows does.
     */
    public View view(String template, String key) {
        return (model, request, response) -> {
            Locale locale = RequestContextUtils.getLocale(request);
            Authentication reader = SecurityContextHolder.getContext().getAuthentication();
            String roles = roles(reader);
            String cacheKey = template + ' ' + key + ' ' + locale.getLanguage() + ' ' + roles;
            // Rendered outside the cache's lock, where waiting virtual threads would hold their carriers (JDK 21):
            // two readers of a new page may both render it, and the first copy is kept.
            Mould mould = moulds.getIfPresent(cacheKey);
            if (mould == null) {
                Mould rendered = mould(template, locale, model, request, response,
                        VISITOR.equals(roles) ? reader : madeUp(reader));
                Mould kept = moulds.asMap().putIfAbsent(cacheKey, rendered);
                mould = kept == null ? rendered : kept;
            }
            // Filled in before anything is sent: a new visitor's token is a cookie, which must precede the page.
            List<byte[]> fills = mould.holes().stream().map(hole -> fill(hole, reader, request)).toList();
            response.setContentType("text/html;charset=UTF-8");
            OutputStream out = response.getOutputStream();
            for (int i = 0; i < mould.parts().size(); i++) {
                out.write(mould.parts().get(i));
                if (i < fills.size()) {
                    out.write(fills.get(i));
                }
            }
        };
    }

    private static String roles(Authentication reader) {
        if (reader == null || reader instanceof AnonymousAuthenticationToken || !reader.isAuthenticated()) {
            return VISITOR;
        }
        TreeSet<String> roles = new TreeSet<>();
        reader.getAuthorities().forEach(authority -> roles.add(authority.getAuthority()));
        return String.join(",", roles);
    }

    private byte[] fill(Hole hole, Authentication reader, HttpServletRequest request) {
        String value = switch (hole) {
            case NAME -> ShownName.nameOf(reader);
            case TOKEN -> ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
        };
        return HtmlEscape.escapeHtml4Xml(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Someone signed in with the reader's roles, whose name is the marker. */
    private Authentication madeUp(Authentication reader) {
        return UsernamePasswordAuthenticationToken.authenticated(nameMarker, null, reader.getAuthorities());
    }

    /** Renders the page as {@code renderer}: the reader themself when a visitor, else a made-up person. */
    private Mould mould(String template, Locale locale, Map<String, ?> model, HttpServletRequest request,
            HttpServletResponse response, Authentication renderer) {
        SecurityContext own = SecurityContextHolder.getContext();
        SecurityContext rendererContext = SecurityContextHolder.createEmptyContext();
        rendererContext.setAuthentication(renderer);
        Rendering rendering = new Rendering(response);
        try {
            SecurityContextHolder.setContext(rendererContext);
            View view = views.resolveViewName(template, locale);
            view.render(model, new Unidentified(request, tokenMarker), rendering);
        } catch (Exception e) {
            throw new IllegalStateException("Could not render the shared page " + template, e);
        } finally {
            SecurityContextHolder.setContext(own);
        }
        return cut(rendering.html());
    }

    private Mould cut(String html) {
        List<byte[]> parts = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        int from = 0;
        while (true) {
            int name = html.indexOf(nameMarker, from);
            int token = html.indexOf(tokenMarker, from);
            if (name < 0 && token < 0) {
                break;
            }
            boolean nameFirst = token < 0 || (name >= 0 && name < token);
            int at = nameFirst ? name : token;
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            holes.add(nameFirst ? Hole.NAME : Hole.TOKEN);
            from = at + (nameFirst ? nameMarker : tokenMarker).length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new Mould(List.copyOf(parts), List.copyOf(holes));
    }

    /** How many shared pages are kept, for tests. */
    public long size() {
        moulds.cleanUp();
        return moulds.estimatedSize();
    }

    /**
     * The request as the shared copy sees it: no parameters, cookies or session, and a marker for the form token.
     */
    private static final class Unidentified extends HttpServletRequestWrapper {

        private final CsrfToken marker;

        Unidentified(HttpServletRequest request, String tokenMarker) {
            super(request);
            CsrfToken real = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            this.marker = real == null ? null
                    : new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), tokenMarker);
        }

        @Override
        public Object getAttribute(String name) {
            if (marker != null && (CsrfToken.class.getName().equals(name) || marker.getParameterName().equals(name))) {
                return marker;
            }
            return super.getAttribute(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public Cookie[] getCookies() {
            return null;
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }
    }

    /** Catches the rendered HTML instead of sending it; addresses are never rewritten with a session id. */
    private static final class Rendering extends HttpServletResponseWrapper {

        private final CharArrayWriter html = new CharArrayWriter(16 * 1024);
        private final PrintWriter writer = new PrintWriter(html);

        Rendering(HttpServletResponse response) {
            super(response);
        }

        String html() {
            writer.flush();
            return html.toString();
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new UnsupportedOperationException("A shared page is written as text");
        }

        @Override
        public void setContentType(String type) {
            // The real response's type is set when the page is sent.
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }
    }
}
