package org.imrplatform.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure a fresh installation has one administrator: the configured address, created once with the configured
 * password (or a generated one, printed once at start-up). Later changes are made in the application.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final String email;
    private final String password;

    AdministratorBootstrap(AccountRepository accounts, PasswordEncoder encoder,
            @Value("${imr.admin.email}") String email, @Value("${imr.admin.password:}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(email)) {
            return;
        }
        String effective = password;
        if (effective.isBlank()) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            effective = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("Created administrator {} with generated password {} (set IMR_ADMIN_PASSWORD to choose one)",
                    email, effective);
        }
        try {
            accounts.create(new NewAccount(email, "Administrator", Discipline.OTHER, "IMR Platform", Region.OTHER),
                    encoder.encode(effective), EnumSet.of(Role.ADMINISTRATOR, Role.LEARNER));
        } catch (DuplicateKeyException e) {
            log.info("Administrator {} was created by another node at the same time", email);
        }
    }
}
