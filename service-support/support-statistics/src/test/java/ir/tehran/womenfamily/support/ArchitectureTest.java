package ir.tehran.womenfamily.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import ir.tehran.womenfamily.architecture.PackageRules;

/**
 * The package rules (docs/ARCHITECTURE.md, Package rules) over this module's main classes and those of the
 * support modules it depends on; every support module has this same test.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "ir.tehran.womenfamily.support";

    @ArchTest
    static final ArchRule NO_CIRCLE_BETWEEN_FEATURES = PackageRules.noCircleBetweenFeatures(ROOT);

    @ArchTest
    static final ArchRule NO_CIRCLE_BETWEEN_PACKAGES = PackageRules.noCircleBetweenPackages(ROOT);

    @ArchTest
    static final ArchRule IMPORTS_ONLY_ITSELF_AND_SUPPORT = PackageRules.importsOnlyItselfAndSupport(ROOT);
}
