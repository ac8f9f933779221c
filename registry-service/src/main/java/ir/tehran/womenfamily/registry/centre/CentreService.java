package ir.tehran.womenfamily.registry.centre;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Kowsar workshop centres: read by staff, recorded and changed by admins; every write is audited. */
@ApplicationScoped
public class CentreService {

    static final String RESOURCE = "workshop-centre";

    @Inject
    Audit audit;

    /** The centres of {@code district} (all when null), by district and code. */
    @Transactional
    public List<WorkshopCentre> list(Short district) {
        return district == null ? WorkshopCentre.listAll(Sort.by("district").and("code"))
            : WorkshopCentre.list("district", Sort.by("code"), district);
    }

    @Transactional
    public Optional<WorkshopCentre> find(UUID id) {
        return WorkshopCentre.findByIdOptional(id);
    }

    /** Records a centre; 409 when its code is taken. */
    @Transactional
    public WorkshopCentre create(CentreDtos.NewCentre n) {
        if (WorkshopCentre.count("code", n.code()) > 0) {
            throw ProblemException.conflict("conflict");
        }
        WorkshopCentre c = new WorkshopCentre();
        c.id = UUID.randomUUID();
        c.code = n.code();
        c.name = PersianText.normalize(n.name());
        c.district = n.district();
        c.address = PersianText.normalize(n.address());
        c.capacity = n.capacity();
        c.renovationState = n.renovationState() == null ? WorkshopCentre.Renovation.NOT_PLANNED : n.renovationState();
        c.builtYear = n.builtYear();
        c.persist();
        audit.record(AuditEvent.of("workshop-centre.create", RESOURCE, c.id));
        return c;
    }

    /** Applies the fields {@code change} has; 404 for an unknown centre, 412 unless at {@code expectedVersion}. */
    @Transactional
    public WorkshopCentre update(UUID id, long expectedVersion, CentreDtos.CentreChange change) {
        WorkshopCentre c = WorkshopCentre.<WorkshopCentre>findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("centre", id));
        if (c.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (change.name() != null) {
            c.name = PersianText.normalize(change.name());
        }
        if (change.address() != null) {
            c.address = PersianText.normalize(change.address());
        }
        if (change.capacity() != null) {
            c.capacity = change.capacity();
        }
        if (change.renovationState() != null) {
            c.renovationState = change.renovationState();
        }
        audit.record(AuditEvent.of("workshop-centre.update", RESOURCE, c.id));
        return c;
    }
}
