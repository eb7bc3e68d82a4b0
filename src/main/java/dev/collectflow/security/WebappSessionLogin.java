package dev.collectflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' login for the dashboard and the read-only calls it makes: a person logged in to Tasklist is
 * logged in here too. Camunda's own authentication filter (mapped in front of this one) puts the session's user on
 * the engine; this filter hands that user to the API as {@link CurrentUser}. Only for reading (GET): changes still
 * need HTTP Basic, so a page elsewhere cannot make a logged-in browser change anything.
 */
public class WebappSessionLogin extends OncePerRequestFilter {

    /** Where the webapps' session login counts besides HTTP Basic. */
    public static final String[] PATHS = {"/dashboard", "/dashboard/*", "/api/kpis/*", "/api/invoices/import/*"};

    private final IdentityService identity;

    public WebappSessionLogin(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || request.getHeader("Authorization") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            String userId = authentication.getUserId();
            Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).collect(Collectors.toSet());
            request.setAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE, new ApiUser(userId, groups));
        }
        chain.doFilter(request, response);
    }

    /** Whether the request carries a user from the webapps' session (set by this filter). */
    public static boolean loggedIn(HttpServletRequest request) {
        return request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) instanceof ApiUser;
    }

    public static ApiUser user(HttpServletRequest request) {
        return (ApiUser) request.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE);
    }
}
