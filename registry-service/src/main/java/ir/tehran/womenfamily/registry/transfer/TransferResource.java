package ir.tehran.womenfamily.registry.transfer;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.registry.common.Actors;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import and export of women and their children as CSV. Admins only. */
@Path("/")
@Tag(name = "Import and export", description = "CSV of women and their children (UTF-8, Persian)")
@RolesAllowed("admin")
public class TransferResource {

    /** The progress of an import, with each bad line and its reason in the asked language. */
    public record ImportView(UUID id, ImportJob.Status status, int total, int processed, int imported,
            int unchanged, int children, List<LineErrorView> errors, Instant createdAt, Instant finishedAt) {
    }

    /** One bad line. */
    public record LineErrorView(int line, String field, String reason) {
    }

    @Inject
    ImportService imports;

    @Inject
    ExportService exports;

    @Inject
    Actors actors;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @POST
    @Path("imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CSV of women and their children in the background",
        description = "Answers 202 with the job; follow Location for its progress. The same file twice changes "
            + "nothing. Columns: " + "national_code, first_name, last_name, father_name, birth_date, mobile, "
            + "district, postal_code, address, registration_channel, support_level, child_first_name, "
            + "child_last_name, child_national_code, child_birth_date, child_gender, child_grade.")
    public Response start(String csv, @Context UriInfo uri, @Context HttpHeaders headers) {
        ImportJob job = imports.start(csv, actors.current());
        URI location = uri.getBaseUriBuilder().path("imports").path(job.id.toString()).build();
        return Response.accepted(view(job, headers)).location(location).build();
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An import's progress: processed / total / errors")
    public ImportView progress(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return view(imports.find(id), headers);
    }

    @GET
    @Path("exports/beneficiaries")
    @Produces("text/csv")
    @Operation(summary = "Every woman and her children as CSV, without sensitive fields")
    public Response export() {
        audit.recordInNewTransaction(AuditEvent.of("beneficiary.export", "beneficiary", "all")
            .withPurpose("export"));
        StreamingOutput body = exports::write;
        return Response.ok(body, "text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"women-heads-of-household.csv\"").build();
    }

    private ImportView view(ImportJob job, HttpHeaders headers) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        List<ImportService.LineError> errors;
        try {
            errors = json.readValue(job.errors, new TypeReference<List<ImportService.LineError>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<LineErrorView> translated = errors.stream()
            .map(e -> new LineErrorView(e.line(), e.field(), Messages.get(locale, e.reason()))).toList();
        return new ImportView(job.id, job.status, job.total, job.processed, job.imported, job.unchanged,
            job.children, translated, job.createdAt, job.finishedAt);
    }
}
