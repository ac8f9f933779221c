package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.pledge.Pledge;
import ir.tehran.womenfamily.sponsorship.pledge.PledgeDtos;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a sponsor sees: pseudonymised by design. A child is a code made for this sponsor alone, the first
 * letter of her first name, her age in years, her school grade and her progress. Never a name, a national
 * code, an address or district, a birth date, the mother, or any flag about the family.
 */
public final class SponsorViewDtos {

    private SponsorViewDtos() {
    }

    @Schema(name = "SponsoredChild", description = "A child the sponsor supports, pseudonymised.")
    public record ChildView(
            @Schema(description = "This sponsor's code for the child", examples = "K7QM-3XPA") String code,
            @Schema(description = "The first letter of her first name; null when not known", examples = "ز")
            String firstNameInitial,
            int age, Short grade, List<Pledge.Purpose> purposes, Progress progress) {
    }

    @Schema(name = "SponsoredChildProgress", description = "Averages on the 0-20 scale of her last two report cards; "
        + "attendance of her last one; programmes completed.")
    public record Progress(BigDecimal latestAverage, BigDecimal previousAverage, Trend trend,
            BigDecimal latestAttendanceRate, long programmesCompleted, long programmesUnderway) {
    }

    /** How her average moved. */
    @Schema(name = "ProgressTrend")
    public enum Trend {
        UP,
        STEADY,
        DOWN,
        UNKNOWN
    }

    @Schema(name = "MySponsorship", description = "One of the sponsor's pledges and its money.")
    public record SponsorshipView(UUID id, String childCode, String childFirstNameInitial, Pledge.Purpose purpose,
            Pledge.Schedule schedule,
            long instalmentRials, int months, long totalRials, LocalDate startsOn, String startsOnJalali,
            Pledge.Status status, Instant heldUntil, Instant confirmedAt, Instant endedAt,
            PledgeDtos.BalancesView balances,
            @Schema(description = "Her instalments (Jalali months), paid, due, overdue or cancelled")
            List<PledgeDtos.InstalmentView> instalments) {
    }
}
