package ir.tehran.womenfamily.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Each of {@link ResourceRules}'s rules catches what it names, and a resource that only calls a service passes. */
class ResourceRulesTest {

    @Test
    void aResourceThatCallsItsServiceAndReadsWhatItReturnsPasses() {
        assertPasses(ResourceRules.RESOURCES_USE_SERVICES, CleanResource.class);
    }

    @Test
    void aTransactionOrAnEntityManagerInAResourceIsCaught() {
        assertFails(ResourceRules.NO_PERSISTENCE_API, TransactionalResource.class);
        assertFails(ResourceRules.NO_PERSISTENCE_API, EntityManagerSubResource.class);
        assertFails(ResourceRules.RESOURCES_USE_SERVICES, EntityManagerSubResource.class);
    }

    @Test
    void panacheCallsOnAnEntityAreCaughtAlthoughTheBytecodeNamesTheEntity() {
        assertPasses(ResourceRules.NO_PERSISTENCE_API, PanacheResource.class);
        assertFails(ResourceRules.NO_PANACHE_CALLS, PanacheResource.class);
    }

    @Test
    void anEntitysOwnQueryIsCaught() {
        assertPasses(ResourceRules.NO_PANACHE_CALLS, FinderResource.class);
        assertFails(ResourceRules.NO_ENTITY_STATIC_CALLS, FinderResource.class);
    }

    @Test
    void makingAnEntityOrWritingItsFieldsIsCaughtAlsoInAClassNestedInAResource() {
        assertFails(ResourceRules.NO_ENTITY_WRITES, ConstructingResource.class);
        assertFails(ResourceRules.NO_ENTITY_WRITES, WritingResource.Helper.class);
    }

    private static void assertFails(ArchRule rule, Class<?> c) {
        EvaluationResult result = rule.evaluate(classes(c));
        assertTrue(result.hasViolation(), c.getSimpleName() + " should break " + rule.getDescription());
    }

    private static void assertPasses(ArchRule rule, Class<?> c) {
        EvaluationResult result = rule.evaluate(classes(c));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    private static JavaClasses classes(Class<?> c) {
        return new ClassFileImporter().importClasses(c, Centre.class, CentreService.class);
    }

    /** A Panache entity with a query of its own. */
    @Entity
    static class Centre extends PanacheEntityBase {
        @Id
        public UUID id;
        public String name;

        static Centre byName(String name) {
            return find("name", name).firstResult();
        }
    }

    /** Not a resource: may do all of it. */
    static class CentreService {
        @Transactional
        Centre create(String name) {
            Centre c = new Centre();
            c.name = name;
            c.persist();
            return Centre.byName(name);
        }
    }

    @Path("/clean")
    static class CleanResource {
        @Inject
        CentreService service;

        @POST
        public String create(String name) {
            return service.create(name).name;
        }
    }

    @Path("/transactional")
    static class TransactionalResource {
        @POST
        @Transactional
        public String create(String name) {
            return name;
        }
    }

    /** No {@code @Path} on the class: a sub-resource, known by its {@code @GET}. */
    static class EntityManagerSubResource {
        @Inject
        EntityManager em;

        @GET
        public Object one() {
            return em.find(Centre.class, UUID.randomUUID());
        }
    }

    @Path("/panache")
    static class PanacheResource {
        @GET
        public List<String> names() {
            List<Centre> all = Centre.listAll();
            return all.stream().map(c -> c.name).toList();
        }
    }

    @Path("/finder")
    static class FinderResource {
        @GET
        public String one() {
            return Centre.byName("x").name;
        }
    }

    @Path("/constructing")
    static class ConstructingResource {
        @POST
        public Object create() {
            return new Centre();
        }
    }

    @Path("/writing")
    static class WritingResource {
        @Inject
        CentreService service;

        @POST
        public String rename(String name) {
            return new Helper().rename(service.create("x"), name);
        }

        /** Nested in a resource, so held to its rules. */
        static class Helper {
            String rename(Centre c, String name) {
                c.name = name;
                return c.name;
            }
        }
    }
}
