package dev.collectflow.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Sender address and the base URL that links in mails point to ({@code collectflow.mail.*}). */
@Validated
@ConfigurationProperties("collectflow.mail")
public record MailProperties(@NotBlank String from, @NotBlank String baseUrl) {
}
