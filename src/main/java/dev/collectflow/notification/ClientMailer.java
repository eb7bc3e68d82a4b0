package dev.collectflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Mails a client in the client's language, from the company's sender with its reply-to address. Templates live in
 * {@code templates/mail/client/<language>/}; a language without its own template gets the English one. The subject is
 * the template's title. Called only from asynchronous process steps: a failure throws and the step is retried.
 */
@Service
public class ClientMailer {

    static final String FALLBACK_LANGUAGE = "en";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Logger log = LoggerFactory.getLogger(ClientMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ITemplateEngine templates;
    private final ClientMailProperties properties;

    public ClientMailer(ObjectProvider<JavaMailSender> mailSender, ITemplateEngine templates,
                        ClientMailProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.properties = properties;
    }

    /** The language in which a client of this language gets the mail. */
    public String languageFor(String clientLanguage, String template) {
        String language = clientLanguage == null || !clientLanguage.matches("[a-z]{2,3}") ? FALLBACK_LANGUAGE
                : clientLanguage;
        return new ClassPathResource("templates/mail/client/" + language + "/" + template + ".html").exists()
                ? language : FALLBACK_LANGUAGE;
    }

    /** Renders and sends the mail; answers what was sent. */
    public Sent send(String to, String clientLanguage, String template, Map<String, Object> model) {
        String language = languageFor(clientLanguage, template);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("companyName", properties.companyName());
        variables.put("replyTo", properties.replyTo());
        String html = templates.process("mail/client/" + language + "/" + template,
                new Context(ClientLocale.of(language).locale(), variables));
        Matcher title = TITLE.matcher(html);
        String subject = title.find() ? HtmlUtils.htmlUnescape(title.group(1)).strip() : template;
        deliver(to, subject, html);
        return new Sent(to, language, subject);
    }

    private void deliver(String to, String subject, String html) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("Client mail (no SMTP server configured) to {}: {}", to, subject);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from(), properties.companyName());
            helper.setReplyTo(properties.replyTo());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(html, true);
            sender.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailSendException("Could not compose mail '" + subject + "' to " + to, e);
        }
    }

    public record Sent(String to, String language, String subject) {
    }
}
