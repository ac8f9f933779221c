package ir.tehran.womenfamily.registry.work.placement;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The Prisons Organisation receives the issued monthly statements. The basis is the agreement with it
 * (not her consent, which she could not refuse as a condition of release), so only that agency's client
 * receives them, only issued statements, and only what the agreement requires; every statement handed
 * over is audited against her record with the purpose {@value #PURPOSE}.
 */
@ApplicationScoped
public class PrisonsStatementService {

    public static final String PURPOSE = "prisons-agreement";

    @Inject
    PlacementConfig config;

    @Inject
    Callers callers;

    @Inject
    Audit audit;

    @Transactional
    public List<PlacementDtos.AgencyStatement> receive(JalaliMonth month) {
        Caller actor = callers.current();
        if (!config.prisonsClientId().equals(actor.clientId())) {
            audit.recordInNewTransaction(AuditEvent.of("placement-statement.receive", PlacementService.RESOURCE, null)
                .withOutcome(AuditEvent.Outcome.DENIED).withPurpose(PURPOSE).withDetail("month", month));
            throw new ProblemException(403, "forbidden");
        }
        List<PlacementStatement> issued = PlacementStatement.list("jalaliMonth = ?1 order by issuedAt, id",
            month.toString());
        List<UUID> placementIds = issued.stream().map(s -> s.placementId).toList();
        List<UUID> womenIds = issued.stream().map(s -> s.beneficiaryId).distinct().toList();
        Map<UUID, Placement> placements = placementIds.isEmpty() ? Map.of()
            : Placement.<Placement>list("id in ?1", placementIds).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<UUID, Beneficiary> women = womenIds.isEmpty() ? Map.of()
            : Beneficiary.<Beneficiary>list("id in ?1", womenIds).stream()
                .collect(Collectors.toMap(b -> b.id, Function.identity()));
        List<PlacementDtos.AgencyStatement> out = issued.stream()
            .map(s -> view(s, placements.get(s.placementId), women.get(s.beneficiaryId))).toList();
        for (PlacementStatement s : issued) {
            audit.record(AuditEvent.of("placement-statement.receive", PlacementService.RESOURCE, s.beneficiaryId)
                .withPurpose(PURPOSE).withDetail("statementId", s.id).withDetail("month", month));
        }
        audit.record(AuditEvent.of("placement-statement.receive-month", PlacementService.RESOURCE, null)
            .withPurpose(PURPOSE).withDetail("month", month).withDetail("count", issued.size()));
        return out;
    }

    private static PlacementDtos.AgencyStatement view(PlacementStatement s, Placement p, Beneficiary b) {
        return new PlacementDtos.AgencyStatement(s.id, s.jalaliMonth, b.nationalCode, b.firstName, b.lastName,
            p.prisonsReference, p.unitName, p.hoursPerDay, s.firstDay, Days.jalali(s.firstDay), s.lastDay,
            Days.jalali(s.lastDay), s.days(), s.daysPresent, s.daysAbsent, s.daysExcused, s.hoursWorked, s.wagesRials,
            s.issuedAt, Days.jalali(s.issuedAt));
    }
}
