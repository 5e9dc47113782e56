package org.claimline.web.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A place as the API shows it; null when nothing of it is known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaceView(String name, Double lat, Double lon, Double radiusKm) {

    static PlaceView of(String name, Double lat, Double lon, Double radiusKm) {
        if (name == null && lat == null && lon == null) {
            return null;
        }
        return new PlaceView(name, lat, lon, radiusKm);
    }
}
