package dev.collectflow.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work on every node: the sweep that ends paid cases left open by a crash, the metrics refresh. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
