package ir.tehran.womenfamily.registry.beneficiary;

import ir.tehran.womenfamily.support.jalali.Days;


/** Entity to API views, in one place. */
public final class BeneficiaryMapper {

    private BeneficiaryMapper() {
    }

    public static BeneficiaryDtos.BeneficiaryView toView(Beneficiary b) {
        return new BeneficiaryDtos.BeneficiaryView(b.id, b.nationalCode, b.firstName, b.lastName, b.fatherName,
            b.birthDate, Days.jalali(b.birthDate), b.mobile, b.address, b.district, b.postalCode,
            b.registrationChannel.disclosed(), b.status, b.supportLevel,
            b.registeredAt, registeredOn(b), b.mergedInto, b.version);
    }

    public static BeneficiaryDtos.BeneficiarySummary toSummary(Beneficiary b, Float similarity) {
        return new BeneficiaryDtos.BeneficiarySummary(b.id, b.firstName, b.lastName, b.district, b.status,
            b.supportLevel, registeredOn(b), b.mergedInto, similarity);
    }

    public static BeneficiaryDtos.HistoryEntry toEntry(BeneficiaryHistory h) {
        return new BeneficiaryDtos.HistoryEntry(h.kind, h.fromValue, h.toValue, h.reason, h.changedBy, h.changedAt,
            Days.jalali(h.changedAt));
    }

    static String registeredOn(Beneficiary b) {
        return Days.jalali(b.registeredAt);
    }
}
