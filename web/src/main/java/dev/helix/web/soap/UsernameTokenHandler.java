package dev.helix.web.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Reads the WS-Security 1.1 {@code Security} header of an incoming SOAP message (and so understands it, also when
 * marked {@code mustUnderstand}): its {@code UsernameToken}'s user name and password, kept on the request for
 * {@link SoapAccess} to check. A message without the header is left to HTTP's sign-in.
 */
public class UsernameTokenHandler implements SOAPHandler<SOAPMessageContext> {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    /** Request attribute: the {@link UsernameToken} the message carried. */
    static final String TOKEN = "helix.soap.username-token";
    private static final QName SECURITY = new QName(WSSE, "Security");

    /**
     * A UsernameToken as read: the user and the password, or what is wrong with it.
     *
     * @param problem null when the token is usable
     */
    record UsernameToken(String user, String password, String problem) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            SOAPHeader header = context.getMessage().getSOAPHeader();
            Optional<SOAPElement> security = header == null ? Optional.empty() : child(header, SECURITY);
            if (security.isPresent()) {
                HttpServletRequest request = (HttpServletRequest) context.get(MessageContext.SERVLET_REQUEST);
                request.setAttribute(TOKEN, read(security.get()));
            }
        } catch (SOAPException e) {
            throw new IllegalStateException("The SOAP message's header cannot be read", e);
        }
        return true;
    }

    private static UsernameToken read(SOAPElement security) {
        Optional<SOAPElement> token = child(security, new QName(WSSE, "UsernameToken"));
        if (token.isEmpty()) {
            return new UsernameToken(null, null, "the Security header has no UsernameToken (the only token Helix takes)");
        }
        Optional<SOAPElement> user = child(token.get(), new QName(WSSE, "Username"));
        Optional<SOAPElement> password = child(token.get(), new QName(WSSE, "Password"));
        if (user.isEmpty() || user.get().getValue() == null || password.isEmpty()) {
            return new UsernameToken(null, null, "the UsernameToken needs a Username and a Password");
        }
        String type = password.get().getAttribute("Type");
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            return new UsernameToken(null, null, "the UsernameToken's Password must be of Type PasswordText "
                    + "(send it over HTTPS); digests are not taken");
        }
        String secret = password.get().getValue();
        return new UsernameToken(user.get().getValue().strip(), secret == null ? "" : secret, null);
    }

    private static Optional<SOAPElement> child(SOAPElement parent, QName name) {
        Iterator<?> children = parent.getChildElements(name);
        return children.hasNext() ? Optional.of((SOAPElement) children.next()) : Optional.empty();
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
        // nothing held
    }
}
