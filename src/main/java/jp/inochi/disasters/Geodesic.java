package jp.inochi.disasters;

/**
 * Distances on the GRS80 ellipsoid of JGD2011 (EPSG:6668), by Vincenty's inverse formula: what PostGIS's
 * {@code ST_Distance(geography, geography)} gives, to the millimetre at the distances of a prefecture. Used where
 * thousands of homes each need their nearest shelters and a statement per home would cost more than the answer.
 */
final class Geodesic {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double B = A * (1 - F);

    private Geodesic() {
    }

    /** Metres between two longitude/latitude points (degrees). */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        if (lon1 == lon2 && lat1 == lat2) {
            return 0;
        }
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        double sinSigma;
        double cosSigma;
        double sigma;
        double cosSqAlpha;
        double cos2SigmaM;
        for (int iteration = 0; iteration < 200; iteration++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            sinSigma = Math.sqrt((cosU2 * sinLambda) * (cosU2 * sinLambda)
                    + (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) * (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
            if (sinSigma == 0) {
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        // nearly antipodal points (never two places in Japan): the mean-radius great circle
        return 6371008.8 * Math.acos(Math.min(1, Math.sin(Math.toRadians(lat1)) * Math.sin(Math.toRadians(lat2))
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.cos(l)));
    }

    /**
     * A fast stand-in for ranking by distance (squared, in degrees of latitude): longitude differences scaled by the
     * cosine of the latitude. Within a prefecture it orders points as the ellipsoid does except for near-ties (well
     * under 1 %), so the nearest few by it contain the nearest few by {@link #metres}.
     */
    static double rankKey(double lon1, double lat1, double lon2, double lat2, double cosLatitude) {
        double x = (lon2 - lon1) * cosLatitude;
        double y = lat2 - lat1;
        return x * x + y * y;
    }
}
