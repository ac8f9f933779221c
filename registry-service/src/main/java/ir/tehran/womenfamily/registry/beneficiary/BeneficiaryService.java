package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class BeneficiaryService {

    @Inject
    Outbox outbox;

    Clock clock = Clock.systemUTC();

    /** Registers a woman and her {@code beneficiary.registered} event in one transaction. */
    @Transactional
    public Beneficiary register(BeneficiaryDtos.RegisterBeneficiary request, String by) {
        String code = NationalCode.canonical(request.nationalCode())
            .orElseThrow(() -> ProblemException.invalid("nationalCode", "validation.national-code"));
        if (Beneficiary.count("nationalCode", code) > 0) {
            throw ProblemException.conflict("beneficiary-exists");
        }
        Beneficiary.Registration registration = Beneficiary.register(code, request.firstName(), request.lastName(),
            by, Instant.now(clock));
        registration.beneficiary().persist();
        outbox.append(registration.events());
        return registration.beneficiary();
    }

    @Transactional
    public Optional<Beneficiary> find(UUID id) {
        return Beneficiary.findByIdOptional(id);
    }
}
