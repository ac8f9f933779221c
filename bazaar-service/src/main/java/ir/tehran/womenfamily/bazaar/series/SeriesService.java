package ir.tehran.womenfamily.bazaar.series;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.bazaar.bazaar.Occasion;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class SeriesService {

    @Inject
    Audit audit;

    @Inject
    BazaarService bazaars;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Defines a series and generates its bazaars (drafts), each venue-day with only the stalls still free. */
    @Transactional
    public SeriesDtos.SeriesView create(SeriesDtos.CreateSeries r, String by) {
        if (r.toYear() < r.fromYear()) {
            throw ProblemException.invalid("toYear", "validation.end-before-start");
        }
        if (r.toYear() - r.fromYear() > 5) {
            throw ProblemException.invalid("toYear", "validation.too-long");
        }
        if ((r.rule() == JalaliRecurrence.Rule.ANNUAL) && (r.month() == null || r.dayOfMonth() == null)) {
            throw ProblemException.invalid(r.month() == null ? "month" : "dayOfMonth", "validation.required");
        }
        if (r.kind() == Bazaar.Kind.OCCASION && (r.occasion() == null || Occasion.findById(r.occasion()) == null)) {
            throw ProblemException.invalid("occasion", r.occasion() == null ? "validation.required"
                : "validation.unknown-occasion");
        }
        List<UUID> venueIds = r.venueIds() != null && !r.venueIds().isEmpty() ? r.venueIds()
            : r.district() == null ? List.of()
            : Venue.<Venue>list("district", r.district().shortValue()).stream().map(v -> v.id).toList();
        if (venueIds.isEmpty()) {
            throw ProblemException.invalid("venueIds", "validation.required");
        }
        int duration = r.durationDays() != null ? r.durationDays() : switch (r.rule()) {
            case BEFORE_NOWRUZ -> 10;
            case YALDA -> 1;
            default -> 3;
        };
        JalaliRecurrence recurrence = new JalaliRecurrence(r.rule(), r.fromYear(), r.toYear(), r.month(),
            r.dayOfMonth(), duration, r.daysBeforeNowruz() == null ? 0 : r.daysBeforeNowruz());
        Instant now = Instant.now(clock);
        BazaarSeries s = new BazaarSeries();
        s.id = UUID.randomUUID();
        s.nameFa = PersianText.normalize(r.nameFa());
        s.nameEn = r.nameEn().strip();
        s.kind = r.kind();
        s.occasion = r.kind() == Bazaar.Kind.OCCASION ? r.occasion() : null;
        s.rule = r.rule();
        try {
            s.ruleJson = json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.createdBy = by;
        s.createdAt = now;
        s.persist();
        LocalDate today = Tehran.today(clock);
        int openBefore = r.applicationsOpenDaysBefore() == null ? 30 : r.applicationsOpenDaysBefore();
        List<SeriesDtos.Generated> generated = new ArrayList<>();
        List<SeriesDtos.Skipped> skipped = new ArrayList<>();
        for (JalaliRecurrence.Occurrence o : recurrence.occurrences()) {
            if (o.start().isBefore(today)) {
                continue;
            }
            Bazaar b = new Bazaar();
            b.id = UUID.randomUUID();
            b.kind = s.kind;
            b.occasion = s.occasion;
            b.nameFa = s.nameFa + " " + Days.jalali(o.start());
            b.nameEn = s.nameEn + " " + o.start();
            b.startDate = o.start();
            b.endDate = o.end();
            LocalDate open = o.start().minusDays(openBefore);
            b.applicationsOpen = open.isBefore(today) ? today : open;
            b.applicationsClose = o.start().minusDays(1).isBefore(b.applicationsOpen) ? o.start()
                : o.start().minusDays(1);
            b.status = Bazaar.Status.DRAFT;
            b.seriesId = s.id;
            b.createdBy = by;
            b.createdAt = now;
            b.updatedAt = now;
            b.persist();
            List<LocalDate> days = b.days();
            List<BazaarService.VenuePlan> plans = new ArrayList<>();
            for (int i = 0; i < venueIds.size(); i++) {
                plans.add(new BazaarService.VenuePlan("venueIds[" + i + "]", venueIds.get(i),
                    r.categoryCapPercent() == null ? 25 : r.categoryCapPercent(), null, null, null, days));
            }
            List<BazaarVenueDay> booked = bazaars.offerVenues(b, capped(plans, r.stallsPerDay()), false);
            if (booked.isEmpty()) {
                b.delete();
                skipped.add(new SeriesDtos.Skipped(o.start(), Days.jalali(o.start())));
                continue;
            }
            generated.add(new SeriesDtos.Generated(b.id, b.startDate, Days.jalali(b.startDate), b.endDate,
                Days.jalali(b.endDate), booked.stream().mapToInt(d -> d.stalls).sum()));
        }
        audit.record(AuditEvent.of("series.create", "bazaar-series", s.id));
        return new SeriesDtos.SeriesView(s.id, s.nameFa, s.nameEn, s.kind, s.rule, generated, skipped);
    }

    /**
     * A series as it stands: its definition and the bazaars it generated that still exist (a coordinator may
     * have deleted some since); the occurrences skipped for want of stalls are told only when it is defined.
     */
    @Transactional
    public java.util.Optional<SeriesDtos.SeriesView> find(UUID id) {
        BazaarSeries s = BazaarSeries.findById(id);
        if (s == null) {
            return java.util.Optional.empty();
        }
        List<SeriesDtos.Generated> generated = new ArrayList<>();
        for (Bazaar b : Bazaar.<Bazaar>list("seriesId = ?1 order by startDate, id", id)) {
            int stallDays = BazaarVenueDay.ofBazaar(b.id).stream().mapToInt(d -> d.stalls).sum();
            generated.add(new SeriesDtos.Generated(b.id, b.startDate, Days.jalali(b.startDate), b.endDate,
                Days.jalali(b.endDate), stallDays));
        }
        return java.util.Optional.of(new SeriesDtos.SeriesView(s.id, s.nameFa, s.nameEn, s.kind, s.rule, generated,
            List.of()));
    }

    private static List<BazaarService.VenuePlan> capped(List<BazaarService.VenuePlan> plans, Integer stalls) {
        if (stalls == null) {
            return plans;
        }
        List<Venue> venues = Venue.list("id in ?1", plans.stream().map(BazaarService.VenuePlan::venueId).toList());
        return plans.stream().map(p -> {
            Venue v = venues.stream().filter(x -> x.id.equals(p.venueId())).findFirst().orElse(null);
            int n = v == null ? stalls : Math.min(stalls, v.totalStalls());
            return new BazaarService.VenuePlan(p.field(), p.venueId(), p.categoryCapPercent(), n, null, null,
                p.days());
        }).toList();
    }
}
