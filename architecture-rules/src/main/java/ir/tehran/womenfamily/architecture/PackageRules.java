package ir.tehran.womenfamily.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package rules of every module, written once; each module's {@code ArchitectureTest} applies them to its
 * own root package (for example {@code ir.tehran.womenfamily.registry}) over its main classes.
 *
 * <ol>
 *   <li>{@link #noCircleBetweenFeatures}: the packages directly under the root (the features: {@code
 *   beneficiary}, {@code duplicate}, ...) and the root package itself form no circle. A sub-package belongs to
 *   its feature ({@code allocation.solver} is part of {@code allocation}), so a circle through a sub-package is
 *   a circle between features.</li>
 *   <li>{@link #noCircleBetweenPackages}: inside a feature too, no two packages import each other (for
 *   example {@code work.order} and {@code work.placement}, or {@code allocation} and {@code
 *   allocation.solver}).</li>
 *   <li>{@link #importsOnlyItselfAndSupport}: a module imports nothing of the project but its own packages and
 *   the shared library {@code ir.tehran.womenfamily.support}: a service never imports another service or the
 *   gateway, the gateway no service, the library no application.</li>
 * </ol>
 */
public final class PackageRules {

    /** Every package of the project starts with this. */
    public static final String PROJECT = "ir.tehran.womenfamily";
    /** The one shared library every module may import. */
    public static final String SUPPORT = PROJECT + ".support";

    /** How the root package's own classes (a module's configuration, say) are named in a failure. */
    static final String ROOT_SLICE = "(root package)";

    private PackageRules() {
    }

    /** No circle between the features of the module under {@code root}, its root package counted as one. */
    public static ArchRule noCircleBetweenFeatures(String root) {
        return slices().assignedFrom(features(root)).should().beFreeOfCycles()
            .because("a feature package builds on lower ones only; a circle means two features are one, or a"
                + " shared piece belongs in a package of its own (docs/ARCHITECTURE.md, Package rules)");
    }

    /** No circle between any two packages of the module under {@code root}. */
    public static ArchRule noCircleBetweenPackages(String root) {
        return slices().assignedFrom(packages(root)).should().beFreeOfCycles()
            .because("every arrow between two packages points one way (docs/ARCHITECTURE.md, Package rules)");
    }

    /** The module under {@code root} imports of the project only itself and the support library. */
    public static ArchRule importsOnlyItselfAndSupport(String root) {
        return noClasses().that().resideInAPackage(root + "..")
            .should().dependOnClassesThat(resideInAPackage(PROJECT + "..")
                .and(not(resideInAnyPackage(root + "..", SUPPORT + ".."))))
            .because("the services, the gateway and the support library share code only through"
                + " ir.tehran.womenfamily.support; between applications, only HTTP and events"
                + " (docs/ARCHITECTURE.md, Package rules)");
    }

    /** Slices by the first package segment under {@code root}; the root package's own classes are one slice. */
    static SliceAssignment features(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String rest = below(root, javaClass.getPackageName());
                if (rest == null) {
                    return SliceIdentifier.ignore();
                }
                if (rest.isEmpty()) {
                    return SliceIdentifier.of(ROOT_SLICE);
                }
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }

            @Override
            public String getDescription() {
                return "features of " + root + " (each package directly under it, with its sub-packages,"
                    + " and the root package's own classes)";
            }
        };
    }

    /** Slices by package: every package under {@code root}, and the root package, is its own slice. */
    static SliceAssignment packages(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String rest = below(root, javaClass.getPackageName());
                if (rest == null) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(rest.isEmpty() ? ROOT_SLICE : rest);
            }

            @Override
            public String getDescription() {
                return "packages of " + root;
            }
        };
    }

    /** The package name relative to {@code root} ("" for the root itself), or null when outside it. */
    private static String below(String root, String packageName) {
        if (packageName.equals(root)) {
            return "";
        }
        return packageName.startsWith(root + ".") ? packageName.substring(root.length() + 1) : null;
    }
}
