package ir.tehran.womenfamily.registry.household;

import ir.tehran.womenfamily.support.jalali.Days;


/** Entity to API views. */
public final class HouseholdMapper {

    private HouseholdMapper() {
    }

    public static HouseholdDtos.ChildView toView(Child c) {
        return new HouseholdDtos.ChildView(c.id, c.motherId, c.firstName, c.lastName, c.nationalCode, c.birthDate,
            Days.jalali(c.birthDate), c.gender, c.grade, c.version);
    }

    public static HouseholdDtos.DependantView toView(Dependant d) {
        return new HouseholdDtos.DependantView(d.id, d.fullName, d.relation, d.birthDate,
            Days.jalali(d.birthDate));
    }
}
