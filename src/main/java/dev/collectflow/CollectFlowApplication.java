package dev.collectflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CollectFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CollectFlowApplication.class, args);
    }
}
