package dev.helix.web.portal;

import dev.helix.sso.service.OpenIdProvider;
import dev.helix.web.security.HelixAuthenticationMechanism;
import dev.helix.web.security.LandingPage;
import dev.helix.web.security.SingleSignOnFlow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The portal's sign-in form. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    OpenIdProvider sso;

    private String username;
    private String password;
    private String next;
    private String ssoError;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, password)));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + LandingPage.after(next));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    external.getRequestMap().get(HelixAuthenticationMechanism.LOCKED_FOR) instanceof Duration locked
                            ? "Too many wrong passwords in a row: try again in " + Math.max(1, locked.toSeconds()) + " s"
                            : "Wrong user name or password", null));
        }
    }

    /** Ends the Helix session and, for a single sign-on session, the identity provider's session too. */
    public void logout() throws IOException {
        ExternalContext external = faces.getExternalContext();
        Object idToken = external.getSessionMap().get(SingleSignOnFlow.ID_TOKEN);
        external.invalidateSession();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        URI signInPage = URI.create(request.getRequestURL().toString()).resolve(external.getRequestContextPath() + "/login.xhtml");
        Optional<URI> providerSignOut = idToken instanceof String token && sso.enabled()
                ? sso.signOutUri(token, signInPage) : Optional.empty();
        external.redirect(providerSignOut.orElse(signInPage).toString());
    }

    /** Whether the page offers single sign-on. */
    public boolean isSsoEnabled() {
        return sso.enabled();
    }

    /** Why the last single sign-on in this browser failed, shown once; null when it did not. */
    public String getSsoError() {
        return ssoError;
    }

    @PostConstruct
    void takeSsoError() {
        ssoError = (String) faces.getExternalContext().getSessionMap().remove(SingleSignOnFlow.ERROR);
    }


    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
