package ir.tehran.womenfamily.bazaar.sales;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.allocation.AllocationRun;
import ir.tehran.womenfamily.bazaar.allocation.Assignment;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class SalesService {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** Her sales of one day: she must have had a stall that day (not a no-show), and the day must be past or today. */
    @Transactional
    public SalesReport report(UUID bazaarId, SalesDtos.ReportSales r) {
        LocalDate day = DateInput.present("day", r.day());
        Bazaar b = bazaar(bazaarId);
        if (b.status != Bazaar.Status.RUNNING && b.status != Bazaar.Status.CLOSED) {
            throw new ProblemException(409, "bazaar-not-running", b.status.name());
        }
        if (day.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("day", "validation.future-day");
        }
        AllocationRun run = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2", bazaarId,
            AllocationRun.Status.PUBLISHED).firstResult();
        boolean hadStall = run != null && Assignment.count(
            "runId = ?1 and businessId = ?2 and day = ?3 and status in ?4",
            run.id, r.businessId(), day, List.of(Assignment.Status.ASSIGNED, Assignment.Status.CONFIRMED)) > 0;
        if (!hadStall) {
            throw new ProblemException(409, "no-stall-that-day", Days.jalali(day));
        }
        SalesReport s = SalesReport.find("bazaarId = ?1 and businessId = ?2 and day = ?3", bazaarId, r.businessId(),
            day).firstResult();
        if (s == null) {
            s = new SalesReport();
            s.bazaarId = bazaarId;
            s.businessId = r.businessId();
            s.day = day;
            s.amountRials = r.amountRials();
            s.reportedAt = Instant.now(clock);
            s.persist();
        } else {
            s.amountRials = r.amountRials();
            s.reportedAt = Instant.now(clock);
        }
        // a report is keyed by bazaar, business and day: it has no single id to record
        audit.record(AuditEvent.of("sales.report", "sales-report", null));
        return s;
    }

    @Transactional
    public List<SalesReport> sales(UUID bazaarId, Set<UUID> businesses) {
        if (businesses != null && businesses.isEmpty()) {
            return List.of();
        }
        return businesses == null ? SalesReport.list("bazaarId", Sort.by("day").and("businessId"), bazaarId)
            : SalesReport.list("bazaarId = ?1 and businessId in ?2", Sort.by("day"), bazaarId, businesses);
    }

    @Transactional
    /**
     * Reports the visitors at a venue on a day: the first report when {@code version} is null (412 if one
     * exists), else a change of the report at that version (412 if there is none, or it changed since).
     */
    public Footfall footfall(UUID bazaarId, SalesDtos.ReportFootfall r, String by, Long version) {
        LocalDate day = DateInput.present("day", r.day());
        bazaar(bazaarId);
        if (BazaarVenueDay.count("bazaarId = ?1 and venueId = ?2 and day = ?3", bazaarId, r.venueId(), day) == 0) {
            throw ProblemException.invalid("venueId", "validation.venue-not-open-that-day");
        }
        if (day.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("day", "validation.future-day");
        }
        Footfall f = Footfall.find("bazaarId = ?1 and venueId = ?2 and day = ?3", bazaarId, r.venueId(), day)
            .firstResult();
        if (f == null ? version != null : version == null || f.version != version) {
            throw ProblemException.preconditionFailed();
        }
        if (f == null) {
            f = new Footfall();
            f.bazaarId = bazaarId;
            f.venueId = r.venueId();
            f.day = day;
            f.visitors = r.visitors();
            f.reportedBy = by;
            f.reportedAt = Instant.now(clock);
            f.persist();
        } else {
            f.visitors = r.visitors();
            f.reportedBy = by;
            f.reportedAt = Instant.now(clock);
        }
        Footfall.flush();
        audit.record(AuditEvent.of("footfall.report", "bazaar", bazaarId));
        return f;
    }

    @Transactional
    public List<Footfall> footfall(UUID bazaarId) {
        return Footfall.list("bazaarId", Sort.by("day").and("venueId"), bazaarId);
    }

    private static Bazaar bazaar(UUID id) {
        Bazaar b = Bazaar.findById(id);
        if (b == null) {
            throw ProblemException.notFound("bazaar", id);
        }
        return b;
    }
}
