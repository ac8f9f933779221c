package ir.tehran.womenfamily.support.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The audit log for admins: who did what, when, through which client, and whether the chain holds. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Audit", description = "Append-only, hash-chained log of every write and every sensitive read")
public class AuditResource {

    @Inject
    AuditService service;

    @GET
    @Operation(operationId = "searchAuditLog", summary = "Search the audit log, newest first",
        description = "For an admin; any other caller is refused 403.")
    public RestResponse<Page<AuditViews.Entry>> search(
            @QueryParam("resourceType") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @QueryParam("actor") String actor,
            @Parameter(description = "From (inclusive): ISO 8601 instant, or a day in ISO or Jalali form")
            @QueryParam("from") String from,
            @Parameter(description = "To (exclusive): ISO 8601 instant, or a day in ISO or Jalali form")
            @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, errors);
        Instant toAt = instant("to", to, errors);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            errors.add(new ProblemException.FieldError("to", "validation.audit.range"));
        }
        PageRequest page = null;
        Long before = null;
        try {
            page = PageRequest.of(limit, cursor, 1);
            before = page.cursor() == null ? null : page.cursor().longValue(0);
            if (before != null && before < 1) {
                throw Cursor.invalid();
            }
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return Pages.ok(uri, service.search(new AuditQuery(blankToNull(resourceType), blankToNull(resourceId),
            blankToNull(actor), fromAt, toAt, before), page.limit()));
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditChain",
        summary = "Re-walk the hash chain and report its first broken link, if any",
        description = "For an admin; any other caller is refused 403.")
    public AuditViews.Verification verify() {
        return service.verify();
    }

    private static Instant instant(String field, String value, List<ProblemException.FieldError> errors) {
        try {
            return DateInput.instant(field, value);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
