package ir.tehran.womenfamily.bazaar.venue;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class VenueService {

    @Inject
    Audit audit;

    @Transactional
    public List<Venue> list(Integer district, Venue.Kind kind) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (district != null) {
            q.append(" and district = :district");
            params.put("district", district.shortValue());
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            params.put("kind", kind);
        }
        return Venue.list(q.toString(), Sort.by("district").and("code"), params);
    }

    @Transactional
    public Optional<Venue> find(UUID id) {
        return Venue.findByIdOptional(id);
    }

    @Transactional
    public Venue create(VenueDtos.CreateVenue request) {
        if (Venue.count("code", request.code()) > 0) {
            throw ProblemException.conflict("venue-exists", request.code());
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.stallTypes().size(); i++) {
            if (!codes.add(request.stallTypes().get(i).code())) {
                throw ProblemException.invalid("stallTypes[" + i + "].code", "validation.duplicate");
            }
        }
        BigDecimal stallArea = request.stallTypes().stream()
            .map(t -> t.sizeM2().multiply(BigDecimal.valueOf(t.count()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (stallArea.compareTo(BigDecimal.valueOf(request.areaM2())) > 0) {
            throw ProblemException.invalid("stallTypes", "validation.stalls-exceed-area", request.areaM2());
        }
        Venue v = newVenue(request);
        v.persist();
        audit.record(AuditEvent.of("venue.create", "venue", v.id));
        return v;
    }

    /** A new venue from the request; the id is the server's, never the client's. */
    private static Venue newVenue(VenueDtos.CreateVenue r) {
        Venue v = new Venue();
        v.id = UUID.randomUUID();
        v.code = r.code();
        v.kind = r.kind();
        v.nameFa = PersianText.normalize(r.nameFa());
        v.nameEn = r.nameEn().strip();
        v.district = r.district().shortValue();
        v.latitude = r.latitude();
        v.longitude = r.longitude();
        v.areaM2 = r.areaM2();
        v.openingHours = r.openingHours() == null ? "10:00-20:00" : r.openingHours();
        v.wheelchairAccessible = r.wheelchairAccessible() == null || r.wheelchairAccessible();
        v.metroStation = r.metroStation();
        for (VenueDtos.StallTypeInput in : r.stallTypes()) {
            VenueStallType t = new VenueStallType();
            t.venue = v;
            t.code = in.code();
            t.sizeM2 = in.sizeM2();
            t.count = in.count();
            t.power = in.power() || in.cooking();
            t.cooking = in.cooking();
            t.shelter = in.shelter();
            v.stallTypes.add(t);
        }
        return v;
    }
}
