package ir.tehran.womenfamily.bazaar.producer;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ProducerService {

    @Transactional
    public Optional<Producer> find(UUID businessId) {
        return Producer.findByIdOptional(businessId);
    }
}
