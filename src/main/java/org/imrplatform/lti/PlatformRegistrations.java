package org.imrplatform.lti;

import java.util.Optional;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.LTIAuthorizationGrantType;

/**
 * The registered platforms as Spring Security's OAuth2 client sees them, read from the database on each use so a
 * platform added or removed on one node counts on every node at once.
 */
@Component
class PlatformRegistrations implements ClientRegistrationRepository {

    private final Platforms platforms;
    private final ToolAddresses tool;

    PlatformRegistrations(Platforms platforms, ToolAddresses tool) {
        this.platforms = platforms;
        this.tool = tool;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return platform(registrationId).map(this::launch).orElse(null);
    }

    Optional<Platform> platform(String registrationId) {
        if (registrationId == null || !registrationId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return platforms.find(Long.parseLong(registrationId));
    }

    /** The OIDC third-party login of an LTI launch: the id token is checked against the issuer and its keys. */
    ClientRegistration launch(Platform platform) {
        return ClientRegistration.withRegistrationId(platform.registrationId())
                .clientId(platform.clientId())
                .authorizationGrantType(LTIAuthorizationGrantType.IMPLICIT)
                .scope("openid")
                .redirectUri(tool.launch())
                .authorizationUri(platform.authorizationUrl())
                .tokenUri(platform.tokenUrl())
                .jwkSetUri(platform.jwksUrl())
                .issuerUri(platform.issuer())
                .build();
    }

    /**
     * The client credentials grant the tool uses for grade services, authenticated by a JWT signed with the tool's
     * key (LTI's client assertion, OAuth2's private_key_jwt).
     */
    ClientRegistration grades(Platform platform, String scope) {
        return ClientRegistration.withRegistrationId(platform.registrationId())
                .clientId(platform.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(scope)
                .tokenUri(platform.tokenUrl())
                .build();
    }
}
