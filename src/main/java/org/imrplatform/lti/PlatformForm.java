package org.imrplatform.lti;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A platform as the administrator types it from the learning system's tool settings. Deployment ids are one a line
 * (or separated by commas): a platform may deploy the tool more than once.
 */
record PlatformForm(
        @NotBlank(message = "{lti.issuer.required}") @Size(max = 255, message = "{lti.issuer.long}") String issuer,
        @NotBlank(message = "{lti.clientId.required}") @Size(max = 255, message = "{lti.clientId.long}")
        String clientId,
        @NotBlank(message = "{lti.deploymentIds.required}") @Size(max = 2000, message = "{lti.deploymentIds.long}")
        String deploymentIds,
        @NotBlank(message = "{lti.authorizationUrl.required}") @Size(max = 1000, message = "{lti.url.long}")
        String authorizationUrl,
        @NotBlank(message = "{lti.tokenUrl.required}") @Size(max = 1000, message = "{lti.url.long}") String tokenUrl,
        @NotBlank(message = "{lti.jwksUrl.required}") @Size(max = 1000, message = "{lti.url.long}") String jwksUrl) {

    static final int MAX_DEPLOYMENT_ID = 255;

    static PlatformForm empty() {
        return new PlatformForm("", "", "", "", "", "");
    }

    /** The deployment ids, each once, in the order typed. */
    List<String> deployments() {
        return deploymentIds == null ? List.of() : Arrays.stream(deploymentIds.split("[,\\r\\n]+")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }
}
