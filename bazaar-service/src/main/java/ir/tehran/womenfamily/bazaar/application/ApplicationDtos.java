package ir.tehran.womenfamily.bazaar.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for applications. */
public final class ApplicationDtos {

    private ApplicationDtos() {
    }

    @Schema(name = "Apply", description = "A business, or a campaign woman eligible for bazaars without one, "
        + "applies to a bazaar. The server sets the id, status and time; a producer applies only for a business "
        + "(or campaign applicant id) her token names.")
    public record Apply(
            @Schema(description = "The business applying, or a campaign applicant's id (her campaign mentee id)")
            @NotNull UUID businessId,
            @Schema(description = "Venues of the bazaar in her order of preference (first = first choice)")
            @NotEmpty @Size(max = 5) List<@NotNull UUID> venuePreferences,
            @Schema(description = "Days she can come, ISO or Jalali", examples = "[\"1402-12-16\", \"2024-03-07\"]")
            @NotEmpty @Size(max = 400) List<@NotBlank String> days,
            @NotNull @Min(1) @Max(2) Integer stalls,
            boolean needsPower,
            boolean needsCooking,
            @Schema(description = "A campaign applicant's category of goods at this bazaar: one of hers (any "
                + "when she has none recorded); by default the one she last applied in, else her first. "
                + "A business's category is its own; naming another is refused.")
            @Size(max = 40) String category) {
    }

    @Schema(name = "Application")
    public record ApplicationView(UUID id, UUID bazaarId,
            @Schema(description = "The business (or campaign applicant); null for a partner app when its owner has "
                + "not consented to publication") UUID businessId,
            @Schema(description = "The producer's category of goods: a neutral label, also when her business is not "
                + "named") String producerCategory,
            Application.Status status, int stalls,
            boolean needsPower, boolean needsCooking, List<UUID> venuePreferences, List<DayView> days,
            Instant submittedAt, Instant withdrawnAt, Application.WithdrawalReason withdrawalReason) {

        /** {@code producer}: the business as the caller may see it ({@link Publication} decides). */
        public static ApplicationView of(Application a, Publication.Shown producer) {
            return new ApplicationView(a.id, a.bazaarId, producer.businessId(), producer.category(), a.status,
                a.stalls, a.needsPower, a.needsCooking, List.copyOf(a.venuePreferences),
                a.days.stream().map(d -> new DayView(d, Days.jalali(d))).toList(), a.submittedAt, a.withdrawnAt,
                a.withdrawalReason);
        }

        public static ApplicationView of(Application a, Publication publication) {
            return of(a, publication.of(a.businessId));
        }

        /** Applications as the caller may see them: each business named or not as {@link Publication} decides. */
        public static List<ApplicationView> of(List<Application> list, Publication publication) {
            Map<UUID, Publication.Shown> shown = publication.of(list.stream().map(a -> a.businessId).toList());
            return list.stream().map(a -> of(a, shown.get(a.businessId))).toList();
        }
    }

    @Schema(name = "ApplicationDay")
    public record DayView(LocalDate day, String dayJalali) {
    }
}
