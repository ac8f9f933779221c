package ir.tehran.womenfamily.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import ir.tehran.womenfamily.architecture.PackageRules;

/** The package rules (docs/ARCHITECTURE.md, Package rules) over this module's main classes. */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "ir.tehran.womenfamily.notification";

    @ArchTest
    static final ArchRule NO_CIRCLE_BETWEEN_FEATURES = PackageRules.noCircleBetweenFeatures(ROOT);

    @ArchTest
    static final ArchRule NO_CIRCLE_BETWEEN_PACKAGES = PackageRules.noCircleBetweenPackages(ROOT);

    @ArchTest
    static final ArchRule IMPORTS_ONLY_ITSELF_AND_SUPPORT = PackageRules.importsOnlyItselfAndSupport(ROOT);
}
