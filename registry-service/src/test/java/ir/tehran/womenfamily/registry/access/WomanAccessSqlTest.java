package ir.tehran.womenfamily.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

/**
 * The SQL form of the rule ({@link WomanAccess#visibleIn}, which searches and lists filter with) and the rule
 * itself ({@link WomanAccess#basis}, which opens a profile) agree for every caller and every woman: each
 * combination of caller (admin, caseworker with districts, without, with no subject, other roles) and facts
 * (her district, who registered her, who has her case, each the caller's, another's or none) is evaluated by
 * PostgreSQL over literal values and compared with the Java rule.
 */
@QuarkusTest
class WomanAccessSqlTest {

    @Inject
    EntityManager em;

    private static final List<Caller> CALLERS = List.of(
        Caller.of("admin-1", null, Set.of("admin")),
        Caller.of("cw-5", null, Set.of("caseworker")).withDistricts(Set.of(5)),
        Caller.of("cw-5", null, Set.of("caseworker")).withDistricts(Set.of(5, 12)),
        Caller.of("cw-5", null, Set.of("caseworker")),
        Caller.of(null, null, Set.of("caseworker")).withDistricts(Set.of(5)),
        Caller.of("cw-5", null, Set.of("admin", "caseworker")),
        Caller.of("cw-5", null, Set.of("bazaar-coordinator")).withDistricts(Set.of(5)),
        Caller.of("cw-5", null, Set.of("sponsorship-officer")).withDistricts(Set.of(5)),
        Caller.of("cw-5", "app", Set.of("partner-app")),
        Caller.of("cw-5", null, Set.of()));

    private static final List<Short> DISTRICTS = Arrays.asList((short) 5, (short) 7, (short) 12, null);
    private static final List<String> PEOPLE = Arrays.asList("cw-5", "cw-other", null);

    @Test
    @Transactional
    void theSqlConditionHoldsForExactlyTheWomenTheRuleLetsTheCallerSee() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Caller caller : CALLERS) {
            WomanAccess.SqlCondition condition = WomanAccess.visibleWhere(caller, "f.district", "f.created_by",
                "f.assignee");
            for (Short district : DISTRICTS) {
                for (String createdBy : PEOPLE) {
                    for (String assignee : PEOPLE) {
                        boolean rule = WomanAccess.basis(caller, new WomanAccess.Facts(district, createdBy, assignee))
                            .isPresent();
                        boolean sql = evaluate(condition, district, createdBy, assignee);
                        cells++;
                        if (rule != sql) {
                            wrong.add(caller.subject() + " " + caller.roles() + " " + caller.namedDistricts()
                                + " / district " + district + ", registered by " + createdBy + ", assigned to "
                                + assignee + ": rule " + rule + ", SQL " + sql);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, cells + " cells");
    }

    private boolean evaluate(WomanAccess.SqlCondition condition, Short district, String createdBy, String assignee) {
        // the facts are this test's own constants, written as literals (no null to bind)
        Query q = em.createNativeQuery("select count(*) from (values (cast(" + district + " as smallint), cast("
            + literal(createdBy) + " as text), cast(" + literal(assignee) + " as text))) f(district, created_by, "
            + "assignee) where " + condition.sql());
        for (int i = 0; i < condition.parameters().size(); i++) {
            q.setParameter(i + 1, condition.parameters().get(i));
        }
        return ((Number) q.getSingleResult()).longValue() == 1;
    }

    private static String literal(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
