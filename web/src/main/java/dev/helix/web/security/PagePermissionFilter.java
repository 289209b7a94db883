package dev.helix.web.security;

import dev.helix.identity.model.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The permission each portal page and the live stream need to be seen at all, checked before they render or
 * open: a signed-in user without it gets a 403 page that names the permission. (What a page lets one do is checked
 * again, action by action, by {@code ActionPermission}.)
 */
@WebFilter(urlPatterns = {"*.xhtml", "/push/*"}, asyncSupported = true)
public class PagePermissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Permission> PAGES = Map.ofEntries(
            Map.entry("/dashboard.xhtml", Permission.FLEET_READ),
            Map.entry("/push/fleet", Permission.FLEET_READ),
            Map.entry("/task.xhtml", Permission.TASK_READ),
            Map.entry("/agents.xhtml", Permission.AGENT_READ),
            Map.entry("/spirals.xhtml", Permission.SPIRAL_READ),
            Map.entry("/rituals.xhtml", Permission.RITUAL_READ),
            Map.entry("/memory.xhtml", Permission.MEMORY_READ),
            Map.entry("/analytics.xhtml", Permission.ANALYTICS_READ),
            Map.entry("/usage.xhtml", Permission.USAGE_READ),
            Map.entry("/keys.xhtml", Permission.SELF_MANAGE),
            Map.entry("/integrations.xhtml", Permission.SELF_MANAGE),
            Map.entry("/admin/users.xhtml", Permission.USER_READ),
            Map.entry("/admin/roles.xhtml", Permission.ROLE_MANAGE),
            Map.entry("/admin/security.xhtml", Permission.SECURITY_MANAGE),
            Map.entry("/admin/providers.xhtml", Permission.PROVIDER_MANAGE),
            Map.entry("/admin/audit.xhtml", Permission.AUDIT_READ));

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The servlet path is decoded and normalised (no ";" parameters, no "%69" for "i"), as the container maps it.
        Permission needed = PAGES.get(request.getServletPath() + Objects.toString(request.getPathInfo(), ""));
        if (needed != null && request.getUserPrincipal() != null && !caller.may(needed)) {
            refuse(request, response, needed);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A page of its own, not a Faces error page: the refusal must not depend on the portal's views or session. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, Permission needed)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Helix: not allowed</title></head><body>"
                + "<h1>Not allowed</h1><p id=\"reason\">This page needs the permission " + needed.permissionName()
                + ", which your roles do not grant. Ask an administrator for it.</p>"
                + "<p><a href=\"" + request.getContextPath() + "/dashboard.xhtml\">Go to the fleet dashboard</a></p></body></html>");
    }
}
