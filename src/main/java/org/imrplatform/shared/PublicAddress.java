package org.imrplatform.shared;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The site's address as people reach it, from configuration ({@code imr.public-url}). Links that leave the site
 * (emails, PDFs) are built from it and never from a request's Host or X-Forwarded-* headers, which anyone can forge.
 */
@Component
public class PublicAddress {

    private final URI base;

    PublicAddress(@Value("${imr.public-url}") String base) {
        URI uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("imr.public-url must be an http(s) address such as https://imr.example.org");
        }
        this.base = uri;
    }

    /** The absolute address of a path of this site, its {placeholders} filled (and encoded) in order. */
    public String link(String path, Object... values) {
        return UriComponentsBuilder.fromUri(base).path(path).buildAndExpand(values).encode().toUriString();
    }
}
