package ir.tehran.womenfamily.bazaar.application;

import ir.tehran.womenfamily.bazaar.common.Dates;

/** Application entity to API view, in one place. */
public final class ApplicationMapper {

    private ApplicationMapper() {
    }

    public static ApplicationDtos.ApplicationView toView(Application a) {
        return new ApplicationDtos.ApplicationView(a.id, a.bazaarId, a.businessId, a.status, a.stalls, a.needsPower,
            a.needsCooking, java.util.List.copyOf(a.venuePreferences),
            a.days.stream().map(d -> new ApplicationDtos.DayView(d, Dates.jalali(d))).toList(),
            a.submittedAt, a.withdrawnAt, a.withdrawalReason);
    }
}
