package ir.tehran.womenfamily.sponsorship.child;

import ir.tehran.womenfamily.support.audit.Audited;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.mother.MotherMerge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What the API reads of a mother: her record, the one she stands for after merges, her children. Here with the
 * roster of children rather than in {@code mother}, which holds only the projection of the registry's women
 * ({@code Mother}, {@code MotherMerge}) that child, matching and roster build on: a mother is shown through her
 * children, so this reading stands above both.
 */
@ApplicationScoped
public class MotherService {

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
    @Audited(action = "mother.children.read", resourceType = "mother", purpose = "casework")
    public List<Child> children(UUID beneficiaryId) {
        return Child.list("motherId = ?1 order by birthDate, id", beneficiaryId);
    }
}
