package ir.tehran.womenfamily.registry.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryDtos;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiarySearch;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Many women's consents at once, each named by national code, as a stack of paper forms is entered: all of
 * them in one transaction, or none. Each one is recorded by {@link ConsentService#record} (the same access
 * check, lock, event and audit entry as one recorded alone); a woman is found by the search's own rule
 * ({@link BeneficiarySearch}: canonical code, only among the women the caller may see), so a code she may not
 * see is refused exactly like a code nobody has.
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
        List<UUID> women = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            women.add(woman("consents[" + i + "].", forms.get(i).nationalCode()));
        }
        // every woman's row before the first consent: a consent's audit entry takes the audit log's lock until
        // commit, so a batch that locked the next woman only after it could wait on a batch that holds her and
        // waits for that lock (a deadlock); taken in one order, two batches over the same woman queue instead
        consents.lock(new TreeSet<>(women));
        List<Consent> out = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            ConsentDtos.RecordConsentByCode form = forms.get(i);
            String at = "consents[" + i + "].";
            UUID woman = women.get(i);
            try {
                out.add(consents.record(woman, form.consent()));
            } catch (ProblemException e) {
                if (e.errors().isEmpty()) {
                    throw e;
                }
                throw new ProblemException(e.status(), e.type(), e.errors().stream()
                    .map(f -> new ProblemException.FieldError(at + f.field(), f.messageKey(), f.args())).toList(),
                    e.args());
            }
        }
        return out;
    }

    /** Her id, among the women the caller may see; a code that is not valid or not found names its field. */
    private UUID woman(String at, String nationalCode) {
        String field = at + "nationalCode";
        BeneficiarySearch.Criteria byCode = new BeneficiarySearch.Criteria(null, nationalCode, null, null, null, null,
            PageRequest.of("1", null, 2));
        try {
            return search.search(byCode, callers.current()).items().stream().findFirst()
                .map(BeneficiaryDtos.BeneficiarySummary::id)
                .orElseThrow(() -> ProblemException.invalid(field, "validation.unknown-woman"));
        } catch (ProblemException e) {
            throw e.status() == 400 && e.errors().size() == 1 && "nationalCode".equals(e.errors().get(0).field())
                ? ProblemException.invalid(field, "validation.national-code") : e;
        }
    }
}
