package dev.helix.web.api.usage;

import dev.helix.identity.model.Permission;
import dev.helix.metering.model.UsageGrouping;
import dev.helix.metering.model.UsageSum;
import dev.helix.metering.service.UsageMeter;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.Choice;
import dev.helix.web.api.Csv;
import dev.helix.web.api.Instants;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Model usage, summed: every billable call of the gateway and of the agents, by key, user, model, project or day. */
@Path("/usage")
@ApplicationScoped
@Tag(name = "Usage")
public class UsageResource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final String CSV_HEADER = Csv.row(Stream.of("group", "calls", "cacheHits", "estimatedCalls",
            "failedCalls", "promptTokens", "completionTokens", "totalTokens", "spend"));

    @Inject
    UsageMeter meter;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RequiresPermission(Permission.USAGE_READ)
    @Operation(summary = "Usage sums per group over a range",
            description = "from/to: ISO-8601 instants, to exclusive (default: the last 30 days up to now). groupBy: key, user, "
                    + "model, project or day (UTC; the default). A group is null for calls without one (no key, no project). "
                    + "Tokens are the providers' counts, or Helix's estimate where a provider gave none (estimatedCalls); "
                    + "answers from the gateway's cache cost none. spend sums the tokens by the deployments' prices "
                    + "(/api/v1/admin/prices); it is absent where none applies. format=csv (or Accept: text/csv) exports them as CSV.")
    public Response sums(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("groupBy") @DefaultValue("day") String groupBy,
                         @QueryParam("format") @DefaultValue("json") String format, @Context HttpHeaders headers) {
        UsageGrouping grouping = Choice.of(UsageGrouping.class, groupBy, "groupBy");
        Instant end = to == null || to.isBlank() ? Instant.now() : Instants.parse("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : Instants.parse("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from must be before to");
        }
        List<UsageSum> sums = meter.sums(start, end, grouping);
        MediaType preferred = headers.getAcceptableMediaTypes().get(0);
        boolean csv = "csv".equalsIgnoreCase(format) || "text".equals(preferred.getType()) && "csv".equals(preferred.getSubtype());
        if (!csv) {
            return Response.ok(sums, MediaType.APPLICATION_JSON).build();
        }
        String body = CSV_HEADER + sums.stream().map(s -> Csv.row(Stream.of(s.group(), s.calls(), s.cacheHits(),
                s.estimatedCalls(), s.failedCalls(), s.promptTokens(), s.completionTokens(), s.totalTokens(), s.spend())))
                .collect(Collectors.joining());
        return Response.ok(body, Csv.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"helix-usage-by-"
                + grouping.name().toLowerCase(Locale.ROOT) + ".csv\"").build();
    }
}
