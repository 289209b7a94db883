/**
 * The SOAP services (Jakarta XML Web Services, contract first: the WSDL files in {@code WEB-INF/wsdl} are the
 * contracts and the Java they define is generated from them): what they share, the sign-in by a WS-Security
 * UsernameToken, the same permission and rate checks as REST, and one translation of every refusal into the
 * service's fault.
 */
package dev.helix.web.soap;
