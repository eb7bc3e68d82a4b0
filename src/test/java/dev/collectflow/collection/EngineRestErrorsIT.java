package dev.collectflow.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collectflow.CollectFlowIntegrationTest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The mapping of caller mistakes is part of /engine-rest's Jersey application (see {@link EngineRestErrorsTest}). */
@CollectFlowIntegrationTest
class EngineRestErrorsIT {

    @Autowired ResourceConfig engineRest;

    @Test
    void callerMistakesAreMappedOnEngineRest() {
        assertThat(engineRest.isRegistered(EngineRestErrors.CallerMistakes.class)).isTrue();
    }
}
