package org.imrplatform.account;

import java.util.Arrays;
import java.util.Locale;

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

    /** A long password can still be easy to guess when it is built from the person's own name or address. */
    boolean passwordRepeatsIdentity() {
        if (password == null || password.isBlank()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        boolean usesName = fullName != null && Arrays.stream(fullName.toLowerCase(Locale.ROOT).split("\\s+"))
                .anyMatch(word -> word.length() >= 4 && lower.contains(word));
        return usesName || (localPart.length() >= 4 && lower.contains(localPart))
                || password.chars().distinct().count() < 4;
    }
}
