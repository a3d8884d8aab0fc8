package org.imrplatform.account;

import java.time.Duration;
import java.util.Locale;

import org.imrplatform.shared.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Emails links to choose a password, for resets and invitations (SMTP from spring.mail.*). The work is done off the
 * request thread, so a request for an address with an account takes as long as one for an address without; mail
 * goes to the address stored on the account, and links start at the configured public address. Links and
 * addresses are never logged.
 */
@Component
class ResetMail {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);

    private final PasswordResets resets;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final PublicAddress site;
    private final TaskExecutor executor;
    private final String from;

    ResetMail(PasswordResets resets, ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
            PublicAddress site, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            @Value("${imr.mail.from:no-reply@example.org}") String from) {
        this.resets = resets;
        this.mailSender = mailSender;
        this.messages = messages;
        this.site = site;
        this.executor = executor;
        this.from = from;
    }

    /** Sends a reset link if the typed address belongs to an enabled account; says nothing either way. */
    void sendReset(String typedEmail, Locale locale) {
        executor.execute(() -> resets.start(typedEmail, PasswordResets.VALID_FOR).ifPresent(issued ->
                send(issued, "reset.mail.subject", "reset.mail.body", PasswordResets.VALID_FOR.toMinutes(), locale)));
    }

    void sendInvitation(String email, Locale locale) {
        Duration valid = PasswordResets.INVITATION_VALID_FOR;
        executor.execute(() -> resets.start(email, valid).ifPresent(issued ->
                send(issued, "invite.mail.subject", "invite.mail.body", valid.toDays(), locale)));
    }

    private void send(PasswordResets.Issued issued, String subject, String body, long validFor, Locale locale) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("No email with a sign-in link could be sent to account {}: no mail server is configured"
                    + " (spring.mail.host)", issued.accountId());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(issued.email());
        message.setSubject(messages.getMessage(subject, null, locale));
        message.setText(messages.getMessage(body,
                new Object[] {site.link("/password-reset/{token}", issued.token()), validFor}, locale));
        try {
            sender.send(message);
        } catch (MailException e) {
            // The exception's text can name the recipient: only its kind is logged.
            log.error("Could not send an email with a sign-in link to account {} ({})", issued.accountId(),
                    e.getClass().getSimpleName());
        }
    }
}
