package dev.collectflow.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends mail to Camunda users, rendered from the templates in {@code templates/mail/}. Called only from asynchronous
 * process steps: a failure to send throws, the step's job is retried and at worst shows as an incident.
 * Without an SMTP server configured ({@code spring.mail.host}) mails are written to the log instead.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ITemplateEngine templates;
    private final IdentityService identity;
    private final MailProperties properties;
    private final Counter sent;
    private final Counter failures;

    public Notifier(ObjectProvider<JavaMailSender> mailSender, ITemplateEngine templates, IdentityService identity,
                    MailProperties properties, MeterRegistry meters) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.identity = identity;
        this.properties = properties;
        this.sent = Counter.builder("collectflow.mail.sent").description("Mails handed to the SMTP server")
                .register(meters);
        this.failures = Counter.builder("collectflow.mail.failures")
                .description("Mails the SMTP server did not take (the step is retried)").register(meters);
    }

    /**
     * Mails one message to the given users (unknown users and users without an address are skipped) and returns
     * the ids of the users it went to.
     */
    public List<String> send(Collection<String> userIds, String subject, String template, Map<String, Object> model) {
        Set<String> ids = new LinkedHashSet<>(userIds);
        ids.remove(null);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<User> users = identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list();
        List<User> reachable = users.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
        if (reachable.isEmpty()) {
            log.warn("Nobody to mail '{}' to: none of {} has an e-mail address", subject, ids);
            return List.of();
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("baseUrl", properties.baseUrl());
        String html = templates.process("mail/" + template, new Context(null, variables));
        String[] to = reachable.stream().map(User::getEmail).toArray(String[]::new);
        deliver(to, subject, html);
        return reachable.stream().map(User::getId).toList();
    }

    /** Ids of the members of a Camunda group. */
    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    private void deliver(String[] to, String subject, String html) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("Mail (no SMTP server configured) to {}: {}", String.join(", ", to), subject);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(Objects.requireNonNull(subject));
            helper.setText(html, true);
            sender.send(message);
            sent.increment();
        } catch (MessagingException e) {
            failures.increment();
            throw new MailSendException("Could not compose mail '" + subject + "'", e);
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }
}
