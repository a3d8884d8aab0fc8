package org.imrplatform.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * password, or with a generated one that is written to a file only its owner can read (never to the log) and must
 * be replaced at first sign-in. Later changes are made in the application.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final String email;
    private final String password;
    private final Path passwordFile;

    AdministratorBootstrap(AccountRepository accounts, PasswordEncoder encoder,
            @Value("${imr.admin.email}") String email, @Value("${imr.admin.password:}") String password,
            @Value("${imr.admin.password-file}") Path passwordFile) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.email = email;
        this.password = password;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (accounts.exists(email)) {
            return;
        }
        boolean generated = password.isBlank();
        String effective = generated ? generatedPassword() : password;
        String hash = encoder.encode(effective);
        long id;
        try {
            id = accounts.create(new NewAccount(email, "Administrator", Discipline.OTHER, "IMR Platform", Region.OTHER),
                    hash, EnumSet.of(Role.ADMINISTRATOR, Role.LEARNER));
        } catch (DuplicateKeyException e) {
            log.info("The first administrator was created by another node at the same time");
            return;
        }
        if (generated) {
            accounts.setPassword(id, hash, true);
            writeOwnerOnly(effective);
            log.warn("Created the first administrator (account {}) with a generated password, written to {}: sign in"
                    + " with it and choose your own (or set IMR_ADMIN_PASSWORD before the first start)", id,
                    passwordFile.toAbsolutePath());
        } else {
            log.info("Created the first administrator (account {}) with the configured password", id);
        }
    }

    private void writeOwnerOnly(String secret) throws IOException {
        Files.createDirectories(passwordFile.toAbsolutePath().getParent());
        Files.deleteIfExists(passwordFile);
        try {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(passwordFile);
        }
        Files.writeString(passwordFile, secret + System.lineSeparator());
    }

    private static String generatedPassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
