package org.imrplatform.practice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The four small forms of the programs page. Field names differ between forms so each field's id, which the error
 * summary links to, is unique on the page. Messages are keys in messages.properties.
 */
final class ProgramForms {

    private ProgramForms() {
    }

    record SiteForm(@NotBlank(message = "{programs.name.required}")
            @Size(max = 200, message = "{programs.name.long}") String siteName) {
    }

    record ProgramForm(@NotNull(message = "{programs.site.required}") Long siteId,
            @NotBlank(message = "{programs.name.required}")
            @Size(max = 200, message = "{programs.name.long}") String programName) {
    }

    record GroupForm(@NotNull(message = "{programs.program.required}") Long programId,
            @NotBlank(message = "{programs.name.required}")
            @Size(max = 200, message = "{programs.name.long}") String groupName) {
    }

    record FacilitatorForm(@NotNull(message = "{programs.group.required}") Long groupId,
            @NotNull(message = "{programs.facilitator.required}") Long accountId) {
    }
}
