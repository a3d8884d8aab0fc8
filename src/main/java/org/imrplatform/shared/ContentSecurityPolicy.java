package org.imrplatform.shared;

/** The site's Content Security Policy: no inline script or style, nothing framed, forms sent only to this site. */
public final class ContentSecurityPolicy {

    static final String POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self';"
            + " script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    private ContentSecurityPolicy() {
    }

    /**
     * The same policy for a page whose form is sent to another site as well (an LTI deep linking answer goes back
     * to the learning system). A page setting it itself keeps it: Spring Security writes its own only when absent.
     */
    public static String allowingFormsTo(String origin) {
        return POLICY.replace("form-action 'self'", "form-action 'self' " + origin);
    }
}
