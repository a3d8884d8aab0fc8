package org.imrplatform.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person types to create their learner account; messages are keys in messages.properties. */
public record RegistrationForm(
        @NotBlank(message = "{register.email.required}") @Email(message = "{register.email.invalid}")
        @Size(max = 254, message = "{register.email.invalid}") String email,
        @NotNull(message = "{register.password.weak}")
        @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "{register.password.weak}")
        String password,
        @NotBlank(message = "{register.fullName.required}") @Size(max = 200, message = "{register.fullName.long}")
        String fullName,
        @NotNull(message = "{register.discipline.required}") Discipline discipline,
        @NotBlank(message = "{register.organization.required}") @Size(max = 200, message = "{register.organization.long}")
        String organization,
        @NotNull(message = "{register.region.required}") Region region) {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", null, "", null);
    }

    NewAccount toNewAccount() {
        return new NewAccount(email, fullName, discipline, organization, region);
    }

    /** See {@link GuessablePassword}. */
    boolean passwordRepeatsIdentity() {
        return GuessablePassword.of(password, email, fullName);
    }
}
