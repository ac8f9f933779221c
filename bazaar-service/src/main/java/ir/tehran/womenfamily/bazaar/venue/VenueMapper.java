package ir.tehran.womenfamily.bazaar.venue;

import java.util.UUID;

/** Venue entity to and from the API's shapes, in one place. */
public final class VenueMapper {

    private VenueMapper() {
    }

    public static VenueDtos.VenueView toView(Venue v) {
        return new VenueDtos.VenueView(v.id, v.code, v.kind, v.nameFa, v.nameEn, v.district, v.latitude, v.longitude,
            v.areaM2, v.openingHours, v.wheelchairAccessible, v.metroStation, v.totalStalls(),
            v.stallTypes.stream().map(t -> new VenueDtos.StallTypeView(t.code, t.sizeM2, t.count, t.power, t.cooking,
                t.shelter)).toList());
    }

    /** A new venue from the request; the id is the server's, never the client's. */
    public static Venue fromRequest(VenueDtos.CreateVenue r) {
        Venue v = new Venue();
        v.id = UUID.randomUUID();
        v.code = r.code();
        v.kind = r.kind();
        v.nameFa = ir.tehran.womenfamily.support.persian.PersianText.normalize(r.nameFa());
        v.nameEn = r.nameEn().strip();
        v.district = r.district().shortValue();
        v.latitude = r.latitude();
        v.longitude = r.longitude();
        v.areaM2 = r.areaM2();
        v.openingHours = r.openingHours() == null ? "10:00-20:00" : r.openingHours();
        v.wheelchairAccessible = r.wheelchairAccessible() == null || r.wheelchairAccessible();
        v.metroStation = r.metroStation();
        for (VenueDtos.StallTypeInput in : r.stallTypes()) {
            VenueStallType t = new VenueStallType();
            t.venue = v;
            t.code = in.code();
            t.sizeM2 = in.sizeM2();
            t.count = in.count();
            t.power = in.power() || in.cooking();
            t.cooking = in.cooking();
            t.shelter = in.shelter();
            v.stallTypes.add(t);
        }
        return v;
    }
}
