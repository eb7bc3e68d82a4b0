package dev.collectflow.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The user on whose behalf the current request acts, as recorded in the audit trail. */
@Component
public class CurrentUser {

    /** Actor recorded for API calls made without a logged-in user. */
    public static final String ANONYMOUS = "api";

    private final IdentityService identity;

    public CurrentUser(IdentityService identity) {
        this.identity = identity;
    }

    public String id() {
        var authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? ANONYMOUS : authentication.getUserId();
    }
}
