package org.imrplatform.account;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator invites someone: the account is made now, and they choose a password from an emailed link. */
public record InvitationForm(
        @NotBlank(message = "{register.email.required}") @Email(message = "{register.email.invalid}")
        @Size(max = 254, message = "{register.email.invalid}") String email,
        @NotBlank(message = "{register.fullName.required}") @Size(max = 200, message = "{register.fullName.long}")
        String fullName,
        @NotNull(message = "{register.discipline.required}") Discipline discipline,
        @NotBlank(message = "{register.organization.required}") @Size(max = 200, message = "{register.organization.long}")
        String organization,
        @NotNull(message = "{register.region.required}") Region region,
        @NotEmpty(message = "{invite.roles.required}") Set<Role> roles) {

    /** A blank box sent as a role arrives as a null: it is no choice at all. */
    public InvitationForm {
        roles = roles == null ? null : roles.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }

    static InvitationForm empty() {
        return new InvitationForm("", "", null, "", null, Set.of(Role.LEARNER));
    }

    NewAccount toNewAccount() {
        return new NewAccount(email, fullName, discipline, organization, region);
    }
}
