package org.claimline.grouping;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Every number the grouping engine uses, with the reason for its default; nothing in it names a corpus, event, place,
 * date or word, so the same values hold on any crisis stream.
 *
 * @param joinThreshold evidence score (0..1: the IDF-weighted share of a post's terms an event already carries, blended
 *     with the cosine to the event's centroid by {@code cosineWeight}, after time decay, plus place) needed to join an
 *     event; 0.1, and never on common words alone (a shared term at least {@code minSharedIdf} rare is required): the
 *     cosine keeps broad events from taking what they only partly cover, so the threshold can be low, and fragments
 *     cost more than rare wrong joins
 * @param mergeThreshold a second event that scores at least this for the same post is merged into the chosen one: the
 *     post is evidence that both are one happening (fragments of one event are the main failure of online clustering)
 * @param mergeProfileOverlap two established events linked by one post merge at once when the smaller one's informative
 *     vocabulary is at least this much shared with the larger (fragments of one happening tell it in the same words)
 * @param establishedPosts an event with at least this many posts is established: one post linking it to another
 *     established event is not enough to merge them (small fragments still merge on one link, which is what lifts
 *     recall; a running event fusing with another on one ambiguous post is what ruins precision when events overlap)
 * @param mergeLinks independent links (posts of distinct authors) needed to merge two established events whose
 *     vocabularies do not overlap enough: a chance link rarely repeats from another voice, a true one does
 * @param pairLinkCapacity pairs of events with pending links remembered (least recently linked forgotten first)
 * @param storyThreshold text similarity (coverage, against a storyline) for a post without a known image to join
 *     that storyline rather than start its own: 0.4, as posts that retell a claim in their own words share less than
 *     half of their weight with it (0.5 split them; 0.4 raised storyline F1 on all four runs)
 * @param storyNewImageThreshold the same for a post bringing an image never seen before: a new picture is a new
 *     claim (1: it always starts its own storyline, unless it repeats a known text or answers a known post; its later
 *     posts, which share the picture, follow it)
 * @param termSaturation share of an event's posts that must carry a term for it to count fully; below, it counts
 *     proportionally, so one stray post in a large event does not make its words evidence for that event
 * @param idfOffset subtracted from each term's IDF: terms found in more than about e^-offset (37%) of recent posts
 *     (platform boilerplate, function words of languages Lucene has no stop list for) carry no weight; kept low because
 *     a running event's own name is in a large share of the stream while it bursts, and must still count (2.0, i.e.
 *     13%, made it count nothing in a burst, leaving incidental words to decide)
 * @param unseenTermWeight share of its weight a term never seen before keeps: it cannot match any event, and unique
 *     words and links (shortened URLs are unique per share) would otherwise drown the terms that can
 * @param idfPriorDocs pseudo-documents added to the collection size so that IDF is sane from the first post
 * @param idfPriorShare share of the {@code idfPriorDocs} imagined posts that contain any term: early in a stream a
 *     word seen twice in a hundred posts is not yet known to be rare, and treating it as rare is how the first posts of
 *     concurrent events link through words that turn out common
 * @param minIndexIdf only terms at least this rare index events and retrieve candidates (1.5: terms in under about 22%
 *     of recent posts): a bursting event's own name and hashtags are in a large share of the stream and must still find
 *     it (at 4, i.e. 2%, posts saying only the event's hashtag started events of their own); posting lists keep the most
 *     recent events, so common terms cost a bounded lookup
 * @param hashtagWeight hashtags are chosen by the author to file a post under a topic: stronger than a word
 * @param mentionWeight a mentioned account is as telling as a word
 * @param urlWeight the same link shared is strong evidence of the same story
 * @param stopWordWeight weight of a function word of any language Lucene ships a stop list for, relative to other
 *     words: none, as IDF alone learns that they are common only after many posts (and never for a language few posts
 *     use), and it is what lets {@code idfOffset} stay low
 * @param authorWeight the same author tends to stay on a happening, but also follows several: weaker than a word
 * @param timeScaleHours text evidence fades with the gap since the event's last post on this scale: newsroom events
 *     run hours to days
 * @param timeWeight share of text evidence the fading can remove; the rest stays so a sparse story still joins
 * @param hotWindowHours an event quiet this long leaves the hot set and cannot absorb posts on words alone any more (two
 *     earthquakes months apart are two events); a week covers the quiet nights and weekends of slow stories
 * @param maxHotEvents hard cap on hot events (least recently active leave first), to keep memory flat in a flood: a hot
 *     event costs up to ~40 KB (its terms and their index entries, its storylines; {@code HotSetBenchmark}), so 30,000
 *     hold at most ~1.2 GB, what claims-service's 2 GB heap is sized for, and still hold 10,000 active events with the
 *     ~15,000 that went quiet within the hot window (the engine benchmark's steady state). At 200,000 (before session
 *     8) a stream of events that keep bringing new words filled a 1 GB heap after ~25,000 events
 * @param knownEventCapacity events remembered by id (hot ones and the most recently quiet), for restore and waking;
 *     quiet events beyond it live on only while an image, text or reply index still points at them, so memory stays
 *     flat however long the stream (at 200,000, as before, a million-post stream never filled it and the heap grew)
 * @param postingListSize most recent events kept per index key: bounds the candidate list of common terms
 * @param maxQueryTerms the rarest terms of a post used to look up candidates: bounds the cost per post
 * @param maxCandidates events scored in full per post, those sharing the most index weight with it: bounds the cost
 * @param storylineScan most recently active storylines of an event compared with a post: a story being told is active
 * @param maxBucket entries scanned per band value in the near-duplicate indexes: a text copied thousands of times is
 *     matched as well by its newest 16 copies as by 64, at a quarter of the cost per post
 * @param maxEventTerms term counts kept per event (the most frequent survive pruning): bounds memory per event
 * @param maxStorylineTerms term counts kept per storyline
 * @param coldEventTerms term counts an event keeps once it leaves the hot set: enough to title it and to be woken by
 *     its main terms, few enough that the quiet events the indexes still reference keep memory flat
 * @param coldStorylineTerms term counts a storyline of a quiet event keeps (its label is already computed): quiet
 *     events have many small storylines, and at 12 their tables kept memory growing over a million posts
 * @param perceptualDistance Hamming bits (of 64) within which two perceptual hashes are the same picture: resized and
 *     recompressed copies differ by 0-4, different pictures by 20 or more
 * @param imageIndexCapacity images remembered (least recently seen forgotten first); also how events are woken
 * @param replyIndexCapacity posts remembered as reply targets
 * @param textIndexCapacity recent texts remembered for near-duplicate (copy-paste) detection
 * @param termDictionaryCapacity slots of the direct-mapped table of term spellings for titles (a newer term overwrites
 *     an older one in its slot; memory is fixed from the start)
 * @param copyPasteDistance Hamming bits (of a 64-bit SimHash over character 4-grams) within which two texts are near-identical
 * @param copyPasteWindowHours near-identical texts this close in time are one copy-paste cluster
 * @param copyPasteMinAuthors distinct authors a near-identical text needs before it is flagged as copy-paste
 * @param minCopyPasteChars normalised texts shorter than this are too generic to call near-identical
 * @param placeNearKm places closer than this (plus the claimed radii) support the same event
 * @param placeFarKm places further apart than this (plus radii) argue against the same event
 * @param placeBonus added to the score when places are near
 * @param placeFarFactor multiplies the score when places are far
 * @param placeCellDegrees grid cell size for the place index (about 55 km at the equator), above placeNearKm so that a
 *     near place is in the post's cell or a neighbour
 * @param recycledMediaAgeHours an image first seen this long before (or in another event) is recycled
 * @param timeMismatchHours an image taken this long before the post claims to be of now is flagged
 * @param locationMismatchKm image GPS further than this (plus the claimed radius) from the claimed place is flagged
 * @param idfHalfLifeDocs document frequencies are halved after this many posts, so IDF follows the current stream
 * @param sketchWidthBits log2 of counters per row of the document-frequency sketch (memory fixed at 4 x 2^bits x depth bytes)
 * @param sketchDepth rows of the sketch: three keep the overestimate of rare terms negligible at this width
 * @param titleTerms distinctive terms in an event title or storyline label
 * @param maxVoices distinct voices counted per storyline for corroboration before the count stops growing
 * @param cosineWeight how much of an event's text score is the cosine between the post and the event's IDF-weighted
 *     centroid (the rest is the share of the post the event covers), as a geometric blend: coverage alone rewards a
 *     broad event that mixes several happenings, as it carries some of every post's words; the cosine falls as an
 *     event's vocabulary spreads
 * @param mergeCentroidCosine a post that scores {@code mergeThreshold} for a second event merges it only if the two
 *     events' centroids are at least this close (cosine): both sides must tell the same happening, as one post can
 *     touch two running events by chance (0: no check)
 * @param mergeStrongCentroidCosine the same check for a second event linked by an image, a copied text or a reply
 *     (0: no check, strong links always merge)
 * @param centroidMergeThreshold an event that grows (on the schedule its title follows) is compared with the events
 *     sharing its main terms, and merged with those whose centroid is at least this close: fragments of one happening
 *     that no single post links (0: off)
 * @param cosineIdfOffset subtracted from IDF in the vectors the cosines compare (terms and centroids), apart from
 *     {@code idfOffset}: a running event's own name is in most posts while it bursts, and in a cosine it must still
 *     weigh something
 * @param minSharedIdf a text match needs at least one shared term this rare (common words alone never link)
 * @param centroidMergeTerms main terms of a growing event used to find the events its centroid is compared with
 * @param newImageJoinThreshold the score a post bringing a picture never seen before needs to join an event on words
 *     (0: {@code joinThreshold} as for any post): such a post usually starts a new claim, and every later post of the
 *     picture follows it, so a weak join there carries a whole image story into the wrong event
 * @param nearlyJoinedHours a new event started by such a post remembers the event it nearly joined (its best score
 *     was at least {@code joinThreshold}) and is compared with it again this long (stream time) later, and again at
 *     the same interval while both stay hot (0: off)
 * @param nearlyJoinedSharedTerms how many terms informative enough to index events ({@code minIndexIdf}) the two must
 *     then share to merge back: one shared word can be chance (early in a stream, or in a crowded one), several are a
 *     shared topic
 * @param nearlyJoinedCosine and how close their centroids must then be (cosine)
 * @param storyTextOnlyThreshold {@code storyThreshold} for a storyline none of whose posts carried an image, told
 *     only in words, which retellings share less of; 0.05 since the event's own words are discounted (next), which
 *     leaves a retelling little weight to share (0.02-0.05 gave the same figures)
 * @param storyEventShareDiscount in the storyline choice, each of the post's terms weighs {@code 1 - this x} its share
 *     of the event's posts: terms most of an event's posts carry say which event, not which claim (1: a term in every
 *     post of the event counts nothing; it cuts one claim's retellings apart too, which storyline merging repairs)
 * @param storyMergeCosine two storylines of one event, both told only in words, merge when the cosine between their
 *     centroids (each term's share of the storyline's posts times its IDF weight) reaches this (0: off); checked when
 *     a storyline grows (on the title schedule) and when an event merge brings storylines together. 0.4: retellings
 *     of one claim share its key words in most of their posts; two competing claims of one event share only the
 *     event's words (about 0.33 between the two stories of AleppoScenarioTest)
 * @param nameJoinCosine a post that shares no term rare enough to link ({@code minSharedIdf}) and so found no event
 *     joins the hot event whose IDF-weighted centroid its own terms match with at least this cosine (times the time
 *     decay), found through its commoner terms (0: off): a bursting event's own name (its hashtag, its place) is in
 *     a large share of the stream, so rare words cannot find it, but a post saying little more than that name points
 *     at the event whose centroid those words dominate; words the stream never saw count in full in this cosine
 *     (they say what the post adds to the name). 0.1, as {@code joinThreshold}: a name post measures 0.5-0.8, a post
 *     naming the event in passing among new words under 0.1
 */
public record GroupingSettings(
        double joinThreshold,
        double mergeThreshold,
        double mergeProfileOverlap,
        int establishedPosts,
        int mergeLinks,
        int pairLinkCapacity,
        double storyThreshold,
        double storyNewImageThreshold,
        double termSaturation,
        double idfOffset,
        double unseenTermWeight,
        double idfPriorDocs,
        double idfPriorShare,
        double minIndexIdf,
        double hashtagWeight,
        double mentionWeight,
        double urlWeight,
        double authorWeight,
        double stopWordWeight,
        double timeScaleHours,
        double timeWeight,
        double hotWindowHours,
        int maxHotEvents,
        int knownEventCapacity,
        int postingListSize,
        int maxQueryTerms,
        int maxCandidates,
        int storylineScan,
        int maxBucket,
        int maxEventTerms,
        int maxStorylineTerms,
        int coldEventTerms,
        int coldStorylineTerms,
        int perceptualDistance,
        int imageIndexCapacity,
        int replyIndexCapacity,
        int textIndexCapacity,
        int termDictionaryCapacity,
        int copyPasteDistance,
        double copyPasteWindowHours,
        int copyPasteMinAuthors,
        int minCopyPasteChars,
        double placeNearKm,
        double placeFarKm,
        double placeBonus,
        double placeFarFactor,
        double placeCellDegrees,
        double recycledMediaAgeHours,
        double timeMismatchHours,
        double locationMismatchKm,
        int idfHalfLifeDocs,
        int sketchWidthBits,
        int sketchDepth,
        int titleTerms,
        int maxVoices,
        double cosineWeight,
        double mergeCentroidCosine,
        double mergeStrongCentroidCosine,
        double centroidMergeThreshold,
        int centroidMergeTerms,
        double cosineIdfOffset,
        double minSharedIdf,
        double newImageJoinThreshold,
        double nearlyJoinedHours,
        int nearlyJoinedSharedTerms,
        double nearlyJoinedCosine,
        double storyTextOnlyThreshold,
        double storyEventShareDiscount,
        double storyMergeCosine,
        double nameJoinCosine) {

    public static GroupingSettings defaults() {
        return new GroupingSettings(
                0.1,
                0.15,
                0.3,
                Integer.MAX_VALUE,
                2,
                100_000,
                0.4,
                1.0,
                0.01,
                1.0,
                0.1,
                50,
                0.0,
                1.5,
                1.5,
                1.0,
                2.0,
                0.5,
                0.0,
                48,
                0.5,
                168,
                30_000,
                20_000,
                32,
                24,
                16,
                64,
                16,
                160,
                48,
                48,
                4,
                6,
                500_000,
                500_000,
                200_000,
                200_000,
                3,
                24,
                3,
                24,
                25,
                300,
                0.3,
                0.3,
                0.5,
                72,
                48,
                100,
                500_000,
                20,
                3,
                3,
                10_000,
                0.5,
                0.1,
                0.0,
                0.3,
                8,
                -1.0,
                2.5,
                0.3,
                6.0,
                2,
                0.05,
                0.05,
                1.0,
                0.4,
                0.1);
    }

    /** A copy with one setting changed by name (for tuning runs: {@code --set joinThreshold=0.25}). */
    public GroupingSettings with(String name, String value) {
        RecordComponent[] components = GroupingSettings.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                if (c.getName().equals(name)) {
                    // not a conditional expression: that would promote the Integer to a Double
                    if (c.getType() == int.class) {
                        args[i] = Integer.valueOf(value.trim());
                    } else {
                        args[i] = Double.valueOf(value.trim());
                    }
                    found = true;
                } else {
                    args[i] = c.getAccessor().invoke(this);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no grouping setting named " + name);
            }
            Constructor<GroupingSettings> constructor = GroupingSettings.class.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("GroupingSettings[");
        try {
            for (RecordComponent c : GroupingSettings.class.getRecordComponents()) {
                sb.append(c.getName()).append('=').append(String.format(Locale.ROOT, "%s", c.getAccessor().invoke(this)))
                        .append(' ');
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString().trim() + "]";
    }
}
