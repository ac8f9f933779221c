package ir.tehran.womenfamily.support.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log for admins: who did what, when, through which client, and whether the chain holds. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Audit", description = "Append-only, hash-chained log of every write and every sensitive read")
public class AuditResource {

    @Inject
    AuditService service;

    @Inject
    AuditConfig config;

    @GET
    @Operation(operationId = "searchAuditLog", summary = "Search the audit log, newest first")
    public AuditViews.Page search(
            @QueryParam("resourceType") String resourceType,
            @QueryParam("resourceId") String resourceId,
            @QueryParam("actor") String actor,
            @Parameter(description = "From (inclusive): ISO 8601 instant, or a day in ISO or Jalali form")
            @QueryParam("from") String from,
            @Parameter(description = "To (exclusive): ISO 8601 instant, or a day in ISO or Jalali form")
            @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to audit.max-page-size (200)") @QueryParam("limit") String limit) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, errors);
        Instant toAt = instant("to", to, errors);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            errors.add(new ProblemException.FieldError("to", "validation.audit.range"));
        }
        Long before = null;
        if (blankToNull(cursor) != null) {
            try {
                before = Long.parseLong(cursor.strip());
                if (before < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new ProblemException.FieldError("cursor", "validation.audit.cursor"));
            }
        }
        int size = config.defaultPageSize();
        if (blankToNull(limit) != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > config.maxPageSize()) {
                errors.add(new ProblemException.FieldError("limit", "validation.audit.limit", config.maxPageSize()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return service.search(new AuditQuery(blankToNull(resourceType), blankToNull(resourceId), blankToNull(actor),
            fromAt, toAt, before), size);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditChain",
        summary = "Re-walk the hash chain and report its first broken link, if any")
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
