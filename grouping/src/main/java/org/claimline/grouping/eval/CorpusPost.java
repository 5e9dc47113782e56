package org.claimline.grouping.eval;

import org.claimline.grouping.PostEvidence;

/** One line of a labeled corpus: what the engine may see, and the labels it must not. */
public record CorpusPost(PostEvidence evidence, String event, String story) {
}
