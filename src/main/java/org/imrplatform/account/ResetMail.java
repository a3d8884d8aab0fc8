package org.imrplatform.account;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Emails links to choose a password, for resets and invitations (SMTP from spring.mail.*); links are never logged. */
@Component
class ResetMail {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final String from;

    ResetMail(ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
            @Value("${imr.mail.from:no-reply@example.org}") String from) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.from = from;
    }

    void send(String to, String link, Locale locale) {
        send(to, "reset.mail.subject", "reset.mail.body", new Object[] {link, PasswordResets.VALID_FOR.toMinutes()},
                locale);
    }

    void sendInvitation(String to, String link, Locale locale) {
        send(to, "invite.mail.subject", "invite.mail.body",
                new Object[] {link, PasswordResets.INVITATION_VALID_FOR.toDays()}, locale);
    }

    private void send(String to, String subject, String body, Object[] args, Locale locale) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("An email with a sign-in link could not be sent: no mail server is configured (spring.mail.host)");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage(subject, null, locale));
        message.setText(messages.getMessage(body, args, locale));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Could not send an email with a sign-in link: {}", e.getMessage());
        }
    }
}
