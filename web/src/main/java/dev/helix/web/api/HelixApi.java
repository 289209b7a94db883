package dev.helix.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The Helix REST API, version 1, under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.DEVELOPER, Roles.VIEWER})
@OpenAPIDefinition(
        info = @Info(title = "Helix API", version = "1",
                description = "Run a fleet of AI agents on spec-driven tasks. Errors are RFC 9457 problem+json."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class HelixApi extends Application {
}
