package ir.tehran.womenfamily.bazaar.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import ir.tehran.womenfamily.architecture.ResourceRules;

/** Resources reach entities only through services (see {@link ResourceRules} and docs/ARCHITECTURE.md). */
@AnalyzeClasses(packages = "ir.tehran.womenfamily.bazaar", importOptions = ImportOption.DoNotIncludeTests.class)
class ResourcesUseServicesTest {

    @ArchTest
    static final ArchRule RESOURCES_USE_SERVICES = ResourceRules.RESOURCES_USE_SERVICES;
}
