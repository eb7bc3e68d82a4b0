package dev.collectflow.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How mails to clients are signed and where clients answer ({@code collectflow.client-mail.*}). */
@Validated
@ConfigurationProperties("collectflow.client-mail")
public record ClientMailProperties(@NotBlank String companyName, @NotBlank @Email String from,
                                   @NotBlank @Email String replyTo) {
}
