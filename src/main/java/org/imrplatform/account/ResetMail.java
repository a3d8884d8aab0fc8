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

/** Sends the password reset link by email (SMTP from spring.mail.*). The link is never written to the log. */
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
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("A password reset was asked for, but no mail server is configured (spring.mail.host)");
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("reset.mail.subject", null, locale));
        message.setText(messages.getMessage("reset.mail.body",
                new Object[] {link, PasswordResets.VALID_FOR.toMinutes()}, locale));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Could not send a password reset email: {}", e.getMessage());
        }
    }
}
