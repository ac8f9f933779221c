package ir.tehran.womenfamily.bazaar.allocation.solver;

/**
 * Approximate centres of Tehran's 22 municipal districts (to about a kilometre), for "a venue near her
 * home district". Distances are great-circle kilometres.
 */
public final class Districts {

    private static final double[][] CENTRES = {
        {35.800, 51.450}, {35.760, 51.370}, {35.760, 51.430}, {35.740, 51.510}, {35.740, 51.310},
        {35.720, 51.400}, {35.720, 51.440}, {35.720, 51.490}, {35.690, 51.320}, {35.680, 51.370},
        {35.680, 51.400}, {35.670, 51.430}, {35.700, 51.500}, {35.670, 51.480}, {35.630, 51.470},
        {35.630, 51.410}, {35.650, 51.370}, {35.650, 51.280}, {35.620, 51.370}, {35.590, 51.440},
        {35.700, 51.220}, {35.740, 51.180},
    };

    private Districts() {
    }

    /** Kilometres from the centre of {@code district} (1–22) to a point. */
    public static double km(int district, double latitude, double longitude) {
        double[] c = CENTRES[district - 1];
        return distanceKm(c[0], c[1], latitude, longitude);
    }

    /** Great-circle kilometres between two points. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
            * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
