package dev.collectflow.demo;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code collectflow.demo.*}: the password every demo user logs in with. */
@Validated
@ConfigurationProperties("collectflow.demo")
public record DemoProperties(@NotBlank String password) {
}
