package ir.tehran.womenfamily.sponsorship.mother;

import ir.tehran.womenfamily.support.audit.Audited;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Child;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
