package ir.tehran.womenfamily.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The layering of a service's HTTP side, as one ArchUnit rule every module's {@code ResourcesUseServicesTest}
 * applies to its own classes: a JAX-RS resource parses, authorises and maps; it never touches an entity's
 * persistence. Loading, saving, flushing and the transaction belong to a service (resource → service →
 * entity, outbox, audit), so a write, its outbox event and its audit entry commit together and a reader
 * finds every write of an aggregate in its service.
 *
 * <p>A resource is a class annotated {@code @Path}, a class with a method meta-annotated
 * {@code @HttpMethod} ({@code @GET}, {@code @POST}...: sub-resources) or a class nested in either. Such a
 * class must not
 * <ul>
 * <li>depend on the persistence or transaction APIs: {@code jakarta.persistence} (the entity manager,
 * lock modes, persistence exceptions), Hibernate and Panache ({@code io.quarkus.hibernate},
 * {@code io.quarkus.panache}: {@code Sort}, {@code Page}, {@code Panache.getEntityManager()}),
 * {@code jakarta.transaction} ({@code @Transactional}) or Narayana ({@code QuarkusTransaction});</li>
 * <li>call a method Panache declares, on an entity or a repository ({@code Centre.listAll()},
 * {@code Centre.findByIdOptional(id)}, {@code centre.persist()}, {@code Centre.getEntityManager()}): the
 * call names the entity in the bytecode, so only resolving it to its declaring class shows it;</li>
 * <li>call a static method declared by an {@code @Entity} class (its own finders, such as
 * {@code Beneficiary.findByCode(code)});</li>
 * <li>make an entity or write an entity's field: a managed entity's fields are its next {@code UPDATE}, so
 * the service that owns the transaction sets them.</li>
 * </ul>
 * Reading an entity a service returned (to map it to a view) stays allowed.
 */
public final class ResourceRules {

    private static final String[] PERSISTENCE_PACKAGES = {"jakarta.persistence..", "io.quarkus.hibernate..",
        "io.quarkus.panache..", "org.hibernate..", "jakarta.transaction..", "io.quarkus.narayana..", "javax.sql..",
        "io.agroal.."};

    /** Classes that answer HTTP requests through JAX-RS, and the classes nested in them. */
    public static final DescribedPredicate<JavaClass> RESOURCES =
        DescribedPredicate.describe("are JAX-RS resources", ResourceRules::isOrIsInsideResource);

    /** Resources depend on no persistence or transaction API. */
    public static final ArchRule NO_PERSISTENCE_API = noClasses().that(RESOURCES)
        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE_PACKAGES)
        .because("a resource talks to a service, which owns the transaction and the entity manager");

    /** Resources call no Panache method (finders, persist, delete, flush, the entity manager). */
    public static final ArchRule NO_PANACHE_CALLS = noClasses().that(RESOURCES)
        .should().callMethodWhere(DescribedPredicate.describe("the method is declared by Panache",
            ResourceRules::declaredByPanache))
        .because("loading and saving entities is a service's work");

    /** Resources call no static method of an entity (its own queries). */
    public static final ArchRule NO_ENTITY_STATIC_CALLS = noClasses().that(RESOURCES)
        .should().callMethodWhere(DescribedPredicate.describe("the method is a static method of an @Entity",
            ResourceRules::staticOfEntity))
        .because("an entity's static methods are its queries, which a service runs");

    /** Resources neither make entities nor write their fields. */
    public static final ArchRule NO_ENTITY_WRITES = noClasses().that(RESOURCES)
        .should().callConstructorWhere(DescribedPredicate.describe("the constructor is an @Entity's",
            (JavaConstructorCall call) -> isEntity(call.getTargetOwner())))
        .orShould().setFieldWhere(DescribedPredicate.describe("the field is an @Entity's",
            (JavaFieldAccess access) -> isEntity(access.getTarget().resolveMember()
                .map(JavaField::getOwner).orElse(access.getTargetOwner()))))
        .because("what an entity holds is changed by its service, inside the service's transaction");

    /** The four rules together. */
    public static final ArchRule RESOURCES_USE_SERVICES = CompositeArchRule.of(NO_PERSISTENCE_API)
        .and(NO_PANACHE_CALLS).and(NO_ENTITY_STATIC_CALLS).and(NO_ENTITY_WRITES);

    private ResourceRules() {
    }

    private static boolean isOrIsInsideResource(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (isResource(k.get())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isResource(JavaClass c) {
        return c.isAnnotatedWith("jakarta.ws.rs.Path")
            || c.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith("jakarta.ws.rs.HttpMethod"));
    }

    private static boolean declaredByPanache(JavaMethodCall call) {
        return call.getTarget().resolveMember()
            .map(m -> m.getOwner().getPackageName())
            .filter(p -> p.startsWith("io.quarkus.hibernate.") || p.startsWith("io.quarkus.panache."))
            .isPresent();
    }

    private static boolean staticOfEntity(JavaMethodCall call) {
        Optional<JavaMethod> method = call.getTarget().resolveMember();
        return method.isPresent() && method.get().getModifiers().contains(JavaModifier.STATIC)
            && isEntity(method.get().getOwner());
    }

    private static boolean isEntity(JavaClass c) {
        return c.isAnnotatedWith("jakarta.persistence.Entity")
            || c.isAnnotatedWith("jakarta.persistence.MappedSuperclass");
    }
}
