package dev.helix.web.api.admin;

import dev.helix.audit.model.AuditChain;
import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.ChainBreak;
import dev.helix.audit.model.ChainHealth;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.audit.service.AuditTrail;
import dev.helix.audit.service.ChainMonitor;
import dev.helix.identity.model.Permission;
import dev.helix.web.api.Csv;
import dev.helix.web.api.Instants;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail for administrators: search, export (JSON or CSV), verification of the hash chain, its health, and
 * the acknowledgement of a break (a record of its own in the chain, so the break stays visible to every later
 * verification, marked as acknowledged).
 */
@Path("/admin/audit")
@ApplicationScoped
@Tag(name = "Administration")
public class AuditResource {

    /** One audit record as the API shows it. */
    public record AuditView(long id, Instant recordedAt, String actor, String action, String target,
            String sourceAddress, String outcome, String detail, String before, String after, String previousHash,
            String hash) {

        static AuditView of(AuditRecord r) {
            return new AuditView(r.getId(), r.getRecordedAt(), r.getActor(), r.getAction(), r.getTarget(),
                    r.getSourceAddress(), r.getOutcome().name(), r.getDetail(), r.getBefore(), r.getAfter(),
                    r.getPreviousHash(), r.getHash());
        }

        Stream<Object> fields() {
            return Stream.of(id, recordedAt, actor, action, target, sourceAddress, outcome, detail, before, after,
                    previousHash, hash);
        }
    }

    /** Why an administrator acknowledges a break: what was found and what was done about it. */
    public record AcknowledgementRequest(@NotBlank(message = "must say why the break is acknowledged")
                                         @Size(max = 1000, message = "is at most 1000 characters") String reason) {
    }

    /** A break as acknowledged: where, why it is a break, by whom, and the reason given. */
    public record Acknowledgement(long recordId, String breakReason, String acknowledgedBy, String reason) {
    }

    private static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");
    private static final String CSV_HEADER = "id,recordedAt,actor,action,target,sourceAddress,outcome,detail,before,"
            + "after,previousHash,hash";

    @Inject
    AuditTrail trail;

    @Inject
    ChainMonitor monitor;

    @Inject
    AuditContext audit;

    @Inject
    Caller caller;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Search the audit trail, newest first",
            description = "Filters: actor, action, target (prefix), from/to (ISO-8601 instants, to exclusive). "
                    + "format=csv (or Accept: text/csv) exports the page as CSV.")
    public Response search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("target") String target, @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10000) int limit,
                           @QueryParam("format") @DefaultValue("json") String format,
                           @Context HttpHeaders headers) {
        List<AuditView> page = trail.search(new AuditQuery(actor, action, target, Instants.parse("from", from),
                Instants.parse("to", to), offset, limit)).stream().map(AuditView::of).toList();
        MediaType preferred = headers.getAcceptableMediaTypes().get(0);
        boolean csv = "csv".equalsIgnoreCase(format) || TEXT_CSV.getType().equals(preferred.getType())
                && TEXT_CSV.getSubtype().equals(preferred.getSubtype());
        if (!csv) {
            return Response.ok(page, MediaType.APPLICATION_JSON).build();
        }
        String body = CSV_HEADER + "\r\n" + page.stream().map(view -> Csv.row(view.fields())).collect(Collectors.joining());
        return Response.ok(body, Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"helix-audit.csv\"").build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Check the hash chain of the whole trail",
            description = "Answers every break (altered, removed or inserted records), whether each was acknowledged, "
                    + "and the state they leave the chain in: INTACT, ACKNOWLEDGED or BROKEN.")
    public ChainVerdict verify() {
        return trail.verify();
    }

    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.AUDIT_READ)
    @Operation(summary = "Whether this server can append to the chain, and its last verification",
            description = "writable is false while appends fail (changes are then refused with 503); the verdict is "
                    + "the last verification's, periodic (helix.audit.verify-interval) or asked for.")
    public ChainHealth health() {
        return monitor.health();
    }

    @POST
    @Path("/breaks/{recordId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.AUDIT_ACKNOWLEDGE)
    @Operation(summary = "Acknowledge a break of the chain",
            description = "The break must be one a verification finds now and no one has acknowledged (else 404 or "
                    + "409). The acknowledgement is a record of the chain (action audit.acknowledge) with the reason; the "
                    + "break stays in every later verification, marked acknowledged, and the chain's state becomes "
                    + "ACKNOWLEDGED once no break is left unacknowledged.")
    @Audited(AuditChain.ACKNOWLEDGE_ACTION)
    public Acknowledgement acknowledge(@PathParam("recordId") long recordId,
                                       @NotNull(message = "a JSON body with the reason is required") @Valid AcknowledgementRequest request) {
        ChainBreak broken = trail.unacknowledgedBreak(recordId);
        audit.target(AuditChain.acknowledgement(recordId));
        audit.change(broken, Map.of("reason", request.reason()));
        return new Acknowledgement(recordId, broken.reason(), caller.name(), request.reason());
    }
}
