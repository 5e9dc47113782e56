package org.claimline.contracts;

/** Coordinates with an uncertainty radius and/or a place name; any part may be absent. */
public record Place(String name, Double lat, Double lon, Double radiusKm) {

    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
