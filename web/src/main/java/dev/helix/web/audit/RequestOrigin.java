package dev.helix.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who and where an audited request comes from: the signed-in caller (or "anonymous"), the client address, the path. */
@RequestScoped
public class RequestOrigin {

    @Inject
    HttpServletRequest request;

    public String actor() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    public String address() {
        return request.getRemoteAddr();
    }

    public String path() {
        return request.getRequestURI();
    }
}
