package dev.helix.web.api.admin;

import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.model.Permission;
import dev.helix.web.api.Csv;
import dev.helix.web.api.Instants;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail for administrators: search, export (JSON or CSV) and verification of the hash chain. */
@Path("/admin/audit")
@RequestScoped
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

    private static final MediaType TEXT_CSV = MediaType.valueOf("text/csv");
    private static final String CSV_HEADER = "id,recordedAt,actor,action,target,sourceAddress,outcome,detail,before,"
            + "after,previousHash,hash";

    @Inject
    AuditTrail trail;

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
            description = "Answers intact, or the first broken record and why (altered, removed, inserted).")
    public ChainVerdict verify() {
        return trail.verify();
    }
}
