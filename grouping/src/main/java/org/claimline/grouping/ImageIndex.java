package org.claimline.grouping;

import org.claimline.grouping.text.Hashing;
import org.claimline.grouping.util.LongLru;

/**
 * The images the engine has seen, in preallocated primitive arrays: by SHA-256 (least recently seen forgotten first)
 * and by perceptual hash (oldest forgotten first), each sighting kept as its storyline's number, time and first post,
 * so that a full index of hundreds of thousands of images costs its capacity from the start and nothing more (first post
 * ids as numbers, {@link PostIds}; perceptual hashes in {@link HammingIndex}'s preallocated buckets); objects per image
 * (a map entry, a string key, weak references) cost about 500 bytes each.
 *
 * <p>A sighting names its storyline by {@link StorylineState#serial}, resolved by the engine while the storyline's event
 * is remembered, so the index keeps no event alive.
 */
final class ImageIndex {

    private static final char SHA_KIND = 'i';

    private final LongLru bySha;
    private final long[] shaStorylines;
    private final long[] shaFirstAts;
    private final PostIds shaFirstPosts;
    private final HammingIndex<Object> similar;
    private final long[] similarStorylines;
    private final long[] similarFirstAts;
    private final PostIds similarFirstPosts;

    ImageIndex(int capacity, int maxBucket) {
        bySha = new LongLru(capacity);
        shaStorylines = new long[capacity];
        shaFirstAts = new long[capacity];
        shaFirstPosts = new PostIds(capacity);
        similar = new HammingIndex<>(capacity, maxBucket);
        similarStorylines = new long[capacity];
        similarFirstAts = new long[capacity];
        similarFirstPosts = new PostIds(capacity);
    }

    /** The entry of an image by SHA-256 (now the most recently seen), or -1. */
    int get(String sha) {
        return bySha.get(Hashing.term(SHA_KIND, sha), sha.hashCode());
    }

    boolean contains(String sha) {
        return bySha.find(Hashing.term(SHA_KIND, sha), sha.hashCode()) >= 0;
    }

    void put(String sha, long storyline, long firstAt, String firstPostId) {
        int entry = bySha.put(Hashing.term(SHA_KIND, sha), sha.hashCode());
        if (entry >= 0) {
            shaStorylines[entry] = storyline;
            shaFirstAts[entry] = firstAt;
            shaFirstPosts.set(entry, firstPostId);
        }
    }

    long storyline(int entry) {
        return shaStorylines[entry];
    }

    long firstAt(int entry) {
        return shaFirstAts[entry];
    }

    String firstPostId(int entry) {
        return shaFirstPosts.get(entry);
    }

    /** The position of the nearest image by perceptual hash within {@code maxDistance} bits, or -1. */
    int nearest(long perceptualHash, int maxDistance) {
        return similar.nearestPosition(perceptualHash, maxDistance);
    }

    void addSimilar(long perceptualHash, long storyline, long firstAt, String firstPostId) {
        int position = similar.add(perceptualHash);
        similarStorylines[position] = storyline;
        similarFirstAts[position] = firstAt;
        similarFirstPosts.set(position, firstPostId);
    }

    long similarHash(int position) {
        return similar.hashAt(position);
    }

    long similarStoryline(int position) {
        return similarStorylines[position];
    }

    long similarFirstAt(int position) {
        return similarFirstAts[position];
    }

    String similarFirstPostId(int position) {
        return similarFirstPosts.get(position);
    }
}
