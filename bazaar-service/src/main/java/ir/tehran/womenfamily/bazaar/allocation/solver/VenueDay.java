package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The stalls one venue offers on one day of the bazaar (a problem fact, and the planning value): how many,
 * how many with power or cooking, the category cap, and how good the venue is in this season (0 to 1, from
 * its record of sales and footfall).
 */
public final class VenueDay {

    private final String id;
    private final UUID venueId;
    private final LocalDate day;
    private final int stalls;
    private final int powerStalls;
    private final int cookingStalls;
    private final int categoryCap;
    private final double quality;
    private final double latitude;
    private final double longitude;

    public VenueDay(UUID venueId, LocalDate day, int stalls, int powerStalls, int cookingStalls, int categoryCapPercent,
            double quality, double latitude, double longitude) {
        this.id = venueId + "@" + day;
        this.venueId = venueId;
        this.day = day;
        this.stalls = stalls;
        this.powerStalls = powerStalls;
        this.cookingStalls = cookingStalls;
        this.categoryCap = Math.max(1, stalls * categoryCapPercent / 100);
        this.quality = quality;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public String getId() {
        return id;
    }

    public UUID getVenueId() {
        return venueId;
    }

    public LocalDate getDay() {
        return day;
    }

    public int getStalls() {
        return stalls;
    }

    public int getPowerStalls() {
        return powerStalls;
    }

    public int getCookingStalls() {
        return cookingStalls;
    }

    /** The most stalls one category may hold here on this day. */
    public int getCategoryCap() {
        return categoryCap;
    }

    public double getQuality() {
        return quality;
    }

    /** A good venue-day is one whose record of sales and footfall is in the upper part (quality at least 0.6). */
    public boolean isGood() {
        return quality >= 0.6;
    }

    public double getLatitude() {
        return latitude;
    }

    public double getLongitude() {
        return longitude;
    }

    @Override
    public String toString() {
        return id;
    }
}
