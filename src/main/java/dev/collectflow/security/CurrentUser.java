package dev.collectflow.security;

import dev.collectflow.system.ForbiddenException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The user the current API request acts for (see {@link ApiAuthenticationFilter}). */
@Component
public class CurrentUser {

    public ApiUser get() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object user = attributes == null ? null
                : attributes.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(user instanceof ApiUser apiUser)) {
            throw new IllegalStateException("No authenticated API user in this request");
        }
        return apiUser;
    }

    public String id() {
        return get().id();
    }

    /** Refuses the request unless the user belongs to one of the groups. */
    public ApiUser requireGroup(String... groups) {
        ApiUser user = get();
        if (!user.isIn(groups)) {
            throw new ForbiddenException("Only members of " + String.join(", ", groups) + " may do this");
        }
        return user;
    }

}
