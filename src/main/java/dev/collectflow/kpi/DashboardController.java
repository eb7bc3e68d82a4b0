package dev.collectflow.kpi;

import dev.collectflow.kpi.KpiQuery.Scope;
import dev.collectflow.security.ApiUser;
import dev.collectflow.security.WebappSessionLogin;
import dev.collectflow.system.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard page, behind the same login as Tasklist (the Camunda webapps' session): a person who is not logged
 * in is sent to the Tasklist login. The page draws the KPI API's figures for the person's scope; it computes none.
 */
@Controller
class DashboardController {

    static final String LOGIN = "/camunda/app/tasklist/default/#/login";

    private final KpiService kpis;
    private final String echartsVersion;

    DashboardController(KpiService kpis) throws IOException {
        this.kpis = kpis;
        this.echartsVersion = webjarVersion("org.webjars.npm", "echarts");
    }

    /** The version of a webjar on the classpath, so the page links the charting library that is there. */
    static String webjarVersion(String group, String artifact) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DashboardController.class.getResourceAsStream(
                "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("webjar " + group + ":" + artifact + " is missing from the classpath");
            }
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        if (!WebappSessionLogin.loggedIn(request)) {
            response.sendRedirect(request.getContextPath() + LOGIN);
            return null;
        }
        ApiUser user = WebappSessionLogin.user(request);
        if (!kpis.maySee(user)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "The dashboard is for sales, heads of sales, finance, management and operators");
            return null;
        }
        Scope scope = kpis.scopeOf(user);
        model.addAttribute("user", user.id());
        model.addAttribute("scope", scope.onlyManager() != null ? "your own invoices"
                : scope.onlyTeams() != null ? "team " + String.join(", ", new TreeSet<>(scope.onlyTeams()))
                        + " and clients without owner"
                : "the whole company");
        model.addAttribute("finance", user.isIn(Groups.FINANCE, Groups.ADMIN));
        model.addAttribute("echarts", "/webjars/echarts/" + echartsVersion + "/dist/echarts.min.js");
        return "dashboard";
    }
}
