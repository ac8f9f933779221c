package ir.tehran.womenfamily.sponsorship.benefactor;

public final class BenefactorMapper {

    private BenefactorMapper() {
    }

    public static BenefactorDtos.Preferences preferences(Benefactor b) {
        return new BenefactorDtos.Preferences(b.prefMinAge, b.prefMaxAge, b.prefGender, b.prefDistricts);
    }

    public static BenefactorDtos.BenefactorView toView(Benefactor b) {
        return new BenefactorDtos.BenefactorView(b.id, b.kind, b.displayName, b.phone, b.email, preferences(b),
            b.createdBy, b.createdAt);
    }
}
