package org.imrplatform.lti;

import org.imrplatform.shared.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The tool's addresses an LMS administrator pastes into the learning system, built from the configured public
 * address and never from a request's headers.
 */
@Component
class ToolAddresses {

    static final String LOGIN_INITIATION = "/lti/login_initiation";
    static final String LAUNCH = "/lti/login";
    static final String JWKS = "/lti/jwks";
    static final String DEEP_LINKING = "/lti/deep-linking";
    static final String REFUSED = "/lti/refused";

    private final PublicAddress site;

    ToolAddresses(PublicAddress site) {
        this.site = site;
    }

    /** The login initiation address for any registration: the platform is found by its issuer and client id. */
    public String loginInitiation() {
        return site.link(LOGIN_INITIATION);
    }

    /** The login initiation address naming one registration, for platforms that send no client id. */
    public String loginInitiation(Platform platform) {
        return site.link(LOGIN_INITIATION + "/{id}", platform.registrationId());
    }

    /** Where the platform posts the id token (the redirect URI). */
    public String launch() {
        return site.link(LAUNCH);
    }

    public String jwks() {
        return site.link(JWKS);
    }

    /** The target of a deep linking launch (Moodle's content selection URL). */
    public String deepLinking() {
        return site.link(DEEP_LINKING);
    }

    /** The tool's own address (Moodle's tool URL, Canvas's target link URI): the course catalog. */
    public String home() {
        return site.link("/");
    }

    /** The absolute address of a path of this site. */
    String of(String path) {
        return site.link(path);
    }
}
