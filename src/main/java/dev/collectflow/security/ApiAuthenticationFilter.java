package dev.collectflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import dev.collectflow.system.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the application's own API ({@code /api}, Actuator beyond health), checked against Camunda's
 * identity service, so people and integrations use the same accounts as in Tasklist. The user is available to the
 * request as {@link CurrentUser}. A missing or wrong password is a 401. A login that succeeded is remembered for
 * {@code collectflow.api.login-memory} ({@link RecentLogins}).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = ApiUser.class.getName();
    private static final String PREFIX = "Basic ";

    private final IdentityService identity;
    private final ObjectMapper json;
    private final RecentLogins recentLogins;

    public ApiAuthenticationFilter(IdentityService identity, ObjectMapper json, Duration loginMemory) {
        this.identity = identity;
        this.json = json;
        this.recentLogins = new RecentLogins(loginMemory);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                || request.getAttribute(USER_ATTRIBUTE) != null; // logged in to the webapps (WebappSessionLogin)
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiUser user = authenticate(request.getHeader("Authorization"));
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"CollectFlow\", charset=\"UTF-8\"");
            ProblemResponses.write(response, json, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Log in with HTTP Basic: a CollectFlow user id and password.");
            return;
        }
        if (path(request).startsWith("/actuator/") && !user.isIn(Groups.ADMIN)) {
            ProblemResponses.write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Only operators (camunda-admin) may use Actuator beyond health.");
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user);
        chain.doFilter(request, response);
    }

    private ApiUser authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(PREFIX.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = credentials.substring(0, colon);
        String password = credentials.substring(colon + 1);
        ApiUser remembered = recentLogins.get(userId, password);
        if (remembered != null) {
            return remembered;
        }
        if (!identity.checkPassword(userId, password)) {
            return null;
        }
        Set<String> groups = new HashSet<>();
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).forEach(groups::add);
        ApiUser user = new ApiUser(userId, Set.copyOf(groups));
        recentLogins.remember(userId, password, user);
        return user;
    }
}
