package ir.tehran.womenfamily.sponsorship;

/**
 * School subjects of a report card (کارنامه). In the root package because the service's configuration names
 * the core subjects of the at-risk rule ({@link SponsorshipConfig.Risk#coreSubjects}): the configuration
 * imports no feature package, and the report cards ({@code school}) and the rule ({@code risk}) build on both.
 */
public enum Subject {
    PERSIAN_LITERATURE,
    MATHEMATICS,
    SCIENCES,
    ENGLISH,
    ARABIC,
    SOCIAL_STUDIES,
    RELIGIOUS_STUDIES,
    PHYSICAL_EDUCATION,
    ARTS,
    TECHNICAL_VOCATIONAL,
    OTHER
}
