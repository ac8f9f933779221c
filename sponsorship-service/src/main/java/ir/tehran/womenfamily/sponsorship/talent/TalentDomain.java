package ir.tehran.womenfamily.sponsorship.talent;

/** What a talent assessment scores: academic subjects, arts, sport and technical skill. */
public enum TalentDomain {
    MATHEMATICS(true),
    SCIENCES(true),
    PERSIAN_LITERATURE(true),
    FOREIGN_LANGUAGES(true),
    SOCIAL_STUDIES(true),
    ARTS(false),
    SPORT(false),
    TECHNICAL(false);

    private final boolean academic;

    TalentDomain(boolean academic) {
        this.academic = academic;
    }

    public boolean academic() {
        return academic;
    }
}
