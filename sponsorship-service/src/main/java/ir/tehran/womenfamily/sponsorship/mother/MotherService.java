package ir.tehran.womenfamily.sponsorship.mother;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class MotherService {

    @Transactional
    public Optional<Mother> find(UUID beneficiaryId) {
        return Mother.findByIdOptional(beneficiaryId);
    }
}
