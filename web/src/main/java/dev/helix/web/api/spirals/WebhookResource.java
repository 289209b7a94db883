package dev.helix.web.api.spirals;

import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.WebhookSignature;
import dev.helix.spirals.service.SpiralRuns;
import dev.helix.web.api.problems.Problems;
import dev.helix.web.security.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Inbound webhooks of WEBHOOK spirals. No sign-in: the sender signs the raw body with the spiral's secret,
 * {@code X-Helix-Signature: sha256=<hex HMAC-SHA256>}, checked in constant time; a bad or missing signature is a
 * 401 and starts nothing. {@code X-Helix-Delivery} (optional, at most 128 characters) makes a repeated delivery
 * return its first run. A body has at most 64 KiB (413).
 */
@Path("/hooks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Spirals")
public class WebhookResource {

    /** The longest delivery id a sender may give. */
    private static final int MAX_DELIVERY_ID = 128;

    @Inject
    SpiralRuns runs;

    @POST
    @Path("/{spiralId}")
    @SignedRequest
    @Operation(summary = "Deliver a webhook to a spiral",
            description = "202 with the run it started; 401 for a bad signature; 400 for a delivery id over 128 characters; "
                    + "413 for a body over 64 KiB.")
    public Response deliver(@PathParam("spiralId") long spiralId, InputStream body,
                            @HeaderParam(WebhookSignature.HEADER) String signature,
                            @HeaderParam("X-Helix-Delivery") String deliveryId) throws IOException {
        if (deliveryId != null && deliveryId.length() > MAX_DELIVERY_ID) {
            return Problems.response(400, "malformed-request", "Malformed request",
                    "X-Helix-Delivery has at most " + MAX_DELIVERY_ID + " characters");
        }
        SpiralRun run = runs.receiveWebhook(spiralId, Payloads.read(body), signature, deliveryId);
        return Response.accepted(RunView.of(run, List.of())).build();
    }
}
