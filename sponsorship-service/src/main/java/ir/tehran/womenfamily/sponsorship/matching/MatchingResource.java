package ir.tehran.womenfamily.sponsorship.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.sponsorship.pledge.Pledge;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/matching")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "Sponsors to children, greatest need first, then the sponsor's preferences")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class MatchingResource {

    @Inject
    MatchingService service;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @GET
    @Path("/candidates")
    @Operation(operationId = "listMatchingCandidates",
        summary = "The children matching would offer a sponsor for a purpose, in order, with the reasons "
        + "(nothing is held)",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<MatchingDtos.CandidateView>> candidates(@QueryParam("sponsorId") @NotNull UUID sponsorId,
            @QueryParam("purpose") @NotNull Pledge.Purpose purpose,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        // the ranking up to this page and one more: the cursor holds the position of the last one read
        int upTo = (page.cursor() == null ? 0 : (int) Math.min(page.cursor().longValue(0) + 1, 100_000))
            + page.limit() + 1;
        List<MatchingDtos.CandidateView> ranked = service.suggest(sponsorId, purpose, upTo, access.scope()).stream()
            .map(MatchingDtos.CandidateView::of)
            .toList();
        return Pages.ok(uri, page.slice(ranked, c -> c.childId().toString()));
    }

    @POST
    @Path("/runs")
    @Operation(operationId = "runMatching",
        summary = "Match sponsors in order; each matched child is held with a proposed pledge",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public MatchingDtos.RunResult run(@Valid @NotNull MatchingDtos.Run run) {
        long start = System.nanoTime();
        MatchingService.Outcome outcome = service.run(run, callers.current().subject(), access.scope());
        long took = (System.nanoTime() - start) / 1_000_000;
        List<MatchingDtos.Result> results = new ArrayList<>();
        int matched = 0;
        for (int i = 0; i < outcome.matches().size(); i++) {
            Optional<Matcher.Match> m = outcome.matches().get(i);
            Optional<Pledge> p = outcome.pledges().get(i);
            UUID sponsor = run.requests().get(i).sponsorId();
            if (m.isPresent() && p.isPresent()) {
                matched++;
                results.add(new MatchingDtos.Result(i, sponsor, p.get().id, m.get().child().childId(),
                    m.get().reasons()));
            } else {
                results.add(new MatchingDtos.Result(i, sponsor, null, null, List.of()));
            }
        }
        return new MatchingDtos.RunResult(run.requests().size(), matched, took, results);
    }
}
