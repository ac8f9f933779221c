package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small builders for the solver's facts and entities ("object mothers"). */
final class Mother {

    static final LocalDate DAY = LocalDate.of(2024, 3, 6);
    /** Goftogu Park's coordinates; district 2 is home to it. */
    static final double LAT = 35.7573;
    static final double LON = 51.3693;

    private Mother() {
    }

    static VenueDay venueDay(int stalls) {
        return venueDay(UUID.randomUUID(), DAY, stalls, stalls, stalls, 100, 0.5);
    }

    static VenueDay venueDay(UUID venue, LocalDate day, int stalls, int power, int cooking, int capPercent,
            double quality) {
        return new VenueDay(venue, day, stalls, power, cooking, capPercent, quality, LAT, LON);
    }

    static ApplicantBuilder applicant() {
        return new ApplicantBuilder();
    }

    static Placement placed(Applicant a, VenueDay vd) {
        Placement p = new Placement(a, vd.getDay(), List.of(vd));
        p.setVenueDay(vd);
        return p;
    }

    static Placement unplaced(Applicant a, VenueDay vd) {
        return new Placement(a, vd.getDay(), List.of(vd));
    }

    /** Builds an applicant; each setter changes one fact. */
    static final class ApplicantBuilder {
        private UUID owner = UUID.randomUUID();
        private String category = "handicrafts";
        private Integer district = 2;
        private boolean heads = true;
        private int stalls = 1;
        private boolean power;
        private boolean cooking;
        private final List<UUID> preferences = new ArrayList<>();
        private int past;
        private int good;
        private boolean guaranteed;
        private Instant submitted = Instant.parse("2024-02-01T08:00:00Z");

        ApplicantBuilder owner(UUID value) {
            owner = value;
            return this;
        }

        ApplicantBuilder category(String value) {
            category = value;
            return this;
        }

        ApplicantBuilder district(Integer value) {
            district = value;
            return this;
        }

        ApplicantBuilder headsHousehold(boolean value) {
            heads = value;
            return this;
        }

        ApplicantBuilder stalls(int value) {
            stalls = value;
            return this;
        }

        ApplicantBuilder power() {
            power = true;
            return this;
        }

        ApplicantBuilder cooking() {
            cooking = true;
            return this;
        }

        ApplicantBuilder prefers(UUID... venues) {
            preferences.addAll(List.of(venues));
            return this;
        }

        ApplicantBuilder past(int opportunities, int goodOnes) {
            past = opportunities;
            good = goodOnes;
            return this;
        }

        ApplicantBuilder guaranteed() {
            guaranteed = true;
            return this;
        }

        ApplicantBuilder submitted(Instant value) {
            submitted = value;
            return this;
        }

        Applicant build() {
            return new Applicant(UUID.randomUUID(), UUID.randomUUID(), owner, category, district, heads, stalls, power,
                cooking, preferences, past, good, guaranteed, submitted);
        }
    }
}
