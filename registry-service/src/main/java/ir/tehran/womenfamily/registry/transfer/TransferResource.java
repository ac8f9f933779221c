package ir.tehran.womenfamily.registry.transfer;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import and export of women and their children as CSV. Admins only. */
@Path("/")
@Tag(name = "Import and export", description = "CSV of women and their children (UTF-8, Persian)")
@RolesAllowed("admin")
public class TransferResource {

    /** The progress of an import, with each bad line and its reason in the asked language. */
    @Schema(name = "BeneficiaryImportView")
    public record ImportView(UUID id, ImportJob.Status status, int total, int processed, int imported,
            int unchanged, int children, List<LineErrorView> errors, Instant createdAt, Instant finishedAt) {
    }

    /** One bad line. */
    @Schema(name = "BeneficiaryImportLineError")
    public record LineErrorView(int line, String field, String reason) {
    }

    @Inject
    ImportService imports;

    @Inject
    ExportService exports;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @POST
    @Path("imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startBeneficiaryImport",
        summary = "Import a CSV of women and their children in the background",
        description = "Answers 202 with the job; follow Location for its progress. The same file twice changes "
            + "nothing; with an Idempotency-Key a retry answers the first 202 again (Idempotent-Replayed) and "
            + "queues no second job, and the same key with another file is a 422. Columns: "
            + "national_code, first_name, last_name, father_name, birth_date, mobile, "
            + "district, postal_code, address, registration_channel, support_level, child_first_name, "
            + "child_last_name, child_national_code, child_birth_date, child_gender, child_grade.")
    @APIResponse(responseCode = "202", description = "Accepted: Location follows its progress",
        headers = @Header(name = "Location"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class)))
    @IdempotentCreate
    public Response start(String csv, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        // the rows are idempotent by their content (the same file twice changes nothing); the key makes the start
        // itself idempotent: a retry gets the job it started
        ImportJob job = imports.start(csv, callers.current());
        URI location = uri.getBaseUriBuilder().path("imports").path(job.id.toString()).build();
        return Response.accepted(view(job, headers)).location(location).build();
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBeneficiaryImport", summary = "An import's progress: processed / total / errors",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public ImportView progress(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return view(imports.find(id), headers);
    }

    @GET
    @Path("exports/beneficiaries")
    @Produces("text/csv")
    @Operation(operationId = "exportBeneficiaries",
        summary = "Women (and their children) as CSV, minimised to a purpose; never a sensitive fact",
        description = "purpose is required and chooses the columns: REGISTER_TRANSFER (the import format, "
            + "registration channel generalised), OUTREACH (first_name, last_name, mobile, district, status, "
            + "support_level), CHILD_EDUCATION (the mother's first_name, last_name, mobile, district and one line "
            + "per child: child_first_name, child_last_name, child_birth_date, child_gender, child_grade), "
            + "STATISTICS (district, status, support_level, registered_month, birth_year, children). Filters: "
            + "district, updatedSince (an ISO or Jalali day, or an ISO instant with an offset). Streamed; "
            + "audited with the purpose, the filter and the number of lines.")
    @APIResponse(responseCode = "200", description = "The CSV, UTF-8, with a header line",
        content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export(
            @Parameter(description = "REGISTER_TRANSFER, OUTREACH, CHILD_EDUCATION or STATISTICS", required = true)
            @QueryParam("purpose") String purpose,
            @QueryParam("district") @Min(1) @Max(22) Short district,
            @Parameter(description = "ISO (2024-03-06) or Jalali (1402-12-16) day, or an ISO instant")
            @QueryParam("updatedSince") String updatedSince) {
        ExportService.Request request = new ExportService.Request(purpose(purpose), district,
            DateInput.instant("updatedSince", updatedSince));
        Caller actor = callers.current();
        StreamingOutput body = out -> exports.write(request, actor, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"women-heads-of-household-"
                + request.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-') + ".csv\"").build();
    }

    private static ExportPurpose purpose(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("purpose", "validation.export-purpose");
        }
        try {
            return ExportPurpose.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("purpose", "validation.export-purpose");
        }
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
