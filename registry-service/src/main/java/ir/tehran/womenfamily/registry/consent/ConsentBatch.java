package ir.tehran.womenfamily.registry.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.BeneficiarySearch;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Many women's consents at once, each named by national code, as a stack of paper forms is entered: all of
 * them in one transaction, or none. The women are found by the search's own rule, all codes in one query
 * ({@link BeneficiarySearch#idsByCode}: canonical code, only among the women the caller may see), so a code she
 * may not see is refused exactly like a code nobody has; each consent is checked by {@link ConsentService#prepare}
 * (the same access check as one recorded alone), and only when every form is sound are they all written by
 * {@link ConsentService#write} (one lock statement, one batch of rows and of events, an audit entry each), so the
 * cost of a call hardly grows with its forms. The first form whose woman is not found, else the first
 * refused form, in the order sent, names the refusal.
 */
@ApplicationScoped
public class ConsentBatch {

    @Inject
    ConsentService consents;

    @Inject
    BeneficiarySearch search;

    @Inject
    Callers callers;

    @Transactional
    public List<Consent> record(List<ConsentDtos.RecordConsentByCode> forms) {
        List<Optional<String>> codes = forms.stream().map(f -> NationalCode.canonical(f.nationalCode())).toList();
        Map<String, UUID> women = search.idsByCode(codes.stream().flatMap(Optional::stream).distinct().toList(),
            callers.current());
        List<UUID> ids = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            String field = "consents[" + i + "].nationalCode";
            String code = codes.get(i).orElseThrow(() -> ProblemException.invalid(field, "validation.national-code"));
            ids.add(Optional.ofNullable(women.get(code))
                .orElseThrow(() -> ProblemException.invalid(field, "validation.unknown-woman")));
        }
        List<ConsentService.Pending> pending = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            String at = "consents[" + i + "].";
            try {
                pending.add(consents.prepare(ids.get(i), forms.get(i).consent()));
            } catch (ProblemException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                throw new ProblemException(e.status(), e.type(), e.errors().stream()
                    .map(f -> new ProblemException.FieldError(at + f.field(), f.messageKey(), f.args())).toList(),
                    e.args());
            }
        }
        return consents.write(pending);
    }
}
