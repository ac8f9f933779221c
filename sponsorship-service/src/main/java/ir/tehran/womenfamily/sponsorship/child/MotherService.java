package ir.tehran.womenfamily.sponsorship.child;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.mother.MotherMerge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What the API reads of a mother: her record, the one she stands for after merges, her children. Here with the
 * roster of children rather than in {@code mother}, which holds only the projection of the registry's women
 * ({@code Mother}, {@code MotherMerge}) that child, matching and roster build on: a mother is shown through her
 * children, so this reading stands above both.
 */
@ApplicationScoped
public class MotherService {

    @Inject
    Audit audit;

    @Transactional
    public Optional<Mother> find(UUID beneficiaryId) {
        return Mother.findByIdOptional(beneficiaryId);
    }

    /** The record she stands for now, after every merge. */
    @Transactional
    public UUID survivor(UUID beneficiaryId) {
        return MotherMerge.resolve(beneficiaryId);
    }

    /** Her children (after merges), oldest first. */
    @Transactional
    public List<Child> children(UUID beneficiaryId) {
        List<Child> children = Child.list("motherId = ?1 order by birthDate, id", beneficiaryId);
        audit.record(AuditEvent.of("mother.children.read", "mother", beneficiaryId).withPurpose("casework")
            .returned(children));
        return children;
    }
}
