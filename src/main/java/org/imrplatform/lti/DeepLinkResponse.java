package org.imrplatform.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

import uk.ac.ox.ctl.lti13.lti.Claims;

/**
 * The signed answer to a deep linking request (an {@code LtiDeepLinkingResponse}): one LTI resource link to the
 * chosen course or module, with a gradebook column of one point for its completion.
 */
@Component
class DeepLinkResponse {

    static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ToolKey key;
    private final Clock clock;

    DeepLinkResponse(ToolKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    String signed(Platform platform, DeepLinkRequests.DeepLinkRequest request, String title, String url) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", 1);
        lineItem.put("label", title);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("url", url);
        item.put("lineItem", lineItem);
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(Claims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
                .claim(Claims.LTI_VERSION, "1.3.0")
                .claim(Claims.LTI_DEPLOYMENT_ID, request.deploymentId())
                .claim(Claims.CONTENT_ITEMS, List.of(item));
        if (request.data() != null) {
            claims.claim(DATA, request.data());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.signing().getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key.signing()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the tool key could not sign", e);
        }
    }
}
