package ir.tehran.womenfamily.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The body of a test venue in district 5: one stall type, {@code standard}, of {@code stalls} stalls. */
public final class Venues {

    private Venues() {
    }

    public static Map<String, Object> body(String code, int stalls) {
        Map<String, Object> venue = new HashMap<>();
        venue.put("code", code);
        venue.put("kind", "OTHER");
        venue.put("nameFa", "محل " + code);
        venue.put("nameEn", "Venue " + code);
        venue.put("district", 5);
        venue.put("latitude", 35.71);
        venue.put("longitude", 51.40);
        venue.put("areaM2", 100);
        venue.put("stallTypes", List.of(Map.of("code", "standard", "sizeM2", 6, "count", stalls, "power", false,
            "cooking", false, "shelter", true)));
        return venue;
    }
}
