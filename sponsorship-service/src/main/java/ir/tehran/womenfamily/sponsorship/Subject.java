package ir.tehran.womenfamily.sponsorship.school;

/** School subjects of a report card (کارنامه). */
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
