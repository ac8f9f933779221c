package ir.tehran.womenfamily.bazaar.venue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class VenueService {

    @Transactional
    public List<Venue> list(Integer district, Venue.Kind kind) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
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
}
