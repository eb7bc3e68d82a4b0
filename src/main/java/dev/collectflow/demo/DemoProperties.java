package dev.collectflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.demo.*}: the password every demo user logs in with (set in application-demo.yaml). */
@ConfigurationProperties("collectflow.demo")
public record DemoProperties(String password) {
}
