package org.claimline.ingest.domain;

/** What an API key may do: ingest keys submit posts and media, editor keys also read original (unstripped) media. */
public enum Role {
    /** Newsroom tools and importers: submit posts and media, read what was accepted. */
    INGEST,
    /** Verifiers: read originals with their metadata; they do not submit posts here. */
    EDITOR
}
