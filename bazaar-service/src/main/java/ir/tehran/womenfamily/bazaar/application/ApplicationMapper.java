package ir.tehran.womenfamily.bazaar.application;

import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.jalali.Days;

/** Application entity to API view, in one place. */
public final class ApplicationMapper {

    private ApplicationMapper() {
    }

    /** Applications as the caller may see them: each business named or not as {@link Publication} decides. */
    public static java.util.List<ApplicationDtos.ApplicationView> toViews(java.util.List<Application> list,
            Publication publication) {
        java.util.Map<java.util.UUID, Publication.Shown> shown =
            publication.of(list.stream().map(a -> a.businessId).toList());
        return list.stream().map(a -> toView(a, shown.get(a.businessId))).toList();
    }

    public static ApplicationDtos.ApplicationView toView(Application a, Publication publication) {
        return toView(a, publication.of(a.businessId));
    }

    public static ApplicationDtos.ApplicationView toView(Application a, Publication.Shown producer) {
        return new ApplicationDtos.ApplicationView(a.id, a.bazaarId, producer.businessId(), producer.category(),
            a.status, a.stalls, a.needsPower,
            a.needsCooking, java.util.List.copyOf(a.venuePreferences),
            a.days.stream().map(d -> new ApplicationDtos.DayView(d, Days.jalali(d))).toList(),
            a.submittedAt, a.withdrawnAt, a.withdrawalReason);
    }
}
