package ir.tehran.womenfamily.sponsorship.programme;

import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class EnrolmentResource {

    @Inject
    EnrolmentService service;

    @Inject
    Access access;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEnrolment",
        summary = "One enrolment, with its waitlist position and attendance",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public ProgrammeDtos.EnrolmentView get(@PathParam("id") UUID id) {
        access.requireOfChild("Enrolment", "enrolment", id);
        return service.find(id).map(this::view).orElseThrow(() -> ProblemException.notFound("enrolment", id));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Operation(operationId = "withdrawEnrolment",
        summary = "Withdraw; a freed seat goes to the first child on the waitlist",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public ProgrammeDtos.EnrolmentView withdraw(@PathParam("id") UUID id) {
        access.requireOfChild("Enrolment", "enrolment", id);
        return view(service.withdraw(id));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeEnrolment",
        summary = "Record that she completed the programme, with its outcome",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public ProgrammeDtos.EnrolmentView complete(@PathParam("id") UUID id, @Valid ProgrammeDtos.Completion request) {
        access.requireOfChild("Enrolment", "enrolment", id);
        return view(service.complete(id, request == null ? null : request.outcome()));
    }

    private ProgrammeDtos.EnrolmentView view(Enrolment e) {
        return ProgrammeDtos.EnrolmentView.of(e, service.waitlistPosition(e), service.attendance(e));
    }
}
