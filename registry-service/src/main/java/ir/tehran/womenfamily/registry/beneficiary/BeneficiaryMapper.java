package ir.tehran.womenfamily.registry.beneficiary;

import java.time.ZoneId;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/** Entity to API view, in one place. */
public final class BeneficiaryMapper {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private BeneficiaryMapper() {
    }

    public static BeneficiaryDtos.BeneficiaryView toView(Beneficiary b) {
        return new BeneficiaryDtos.BeneficiaryView(b.id, b.nationalCode, b.firstName, b.lastName, b.registeredAt,
            JalaliDate.of(b.registeredAt.atZone(TEHRAN).toLocalDate()).toString());
    }
}
