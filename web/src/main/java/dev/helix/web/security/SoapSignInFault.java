package dev.helix.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A sign-in refused on a SOAP service's path, answered as a SOAP 1.1 fault (with the HTTP status of the refusal) so
 * that a SOAP client reads the reason instead of failing on a body it cannot parse.
 */
final class SoapSignInFault {

    private static final String SOAP_PATHS = "/soap/";

    private SoapSignInFault() {
    }

    static boolean isSoap(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + SOAP_PATHS);
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + escaped(message) + "</faultstring><detail>"
                + "<signInRefused xmlns=\"http://helix.dev/soap/sign-in/1\"><code>" + escaped(code) + "</code>"
                + "</signInRefused></detail></soap:Fault></soap:Body></soap:Envelope>");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
