package org.claimline.grouping;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.claimline.grouping.text.Hashing;
import org.claimline.grouping.text.TermKind;
import org.claimline.grouping.text.TermStatistics;
import org.claimline.grouping.text.TextAnalyzer;
import org.claimline.grouping.text.TextFeatures;
import org.claimline.grouping.util.BoundedLru;
import org.claimline.grouping.util.LongIntMap;
import org.claimline.grouping.util.LongLru;
import org.claimline.grouping.util.LongObjectMap;
import org.claimline.grouping.util.SpellingCache;

/**
 * Places posts, one at a time in arrival order, into events and storylines, merging events that a post shows to be
 * one, and explains each placement with reasons and signals; every step looks up bounded indexes over the active
 * events, so the cost per post does not grow with the stream.
 *
 * <p>Not thread-safe: one engine per partition of the stream, fed by one thread.
 */
public final class GroupingEngine {

    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long MINUTE_MILLIS = 60_000L;
    private static final double EARTH_RADIUS_KM = 6371.0;
    private static final int STRENGTH_REPLY = 1;
    private static final int STRENGTH_TEXT = 2;
    private static final int STRENGTH_IMAGE = 3;
    /** How often (in posts) titles of large events are recomputed; small events change title with every post. */
    private static final int TITLE_EVERY = 16;
    private static final int TITLE_ALWAYS_BELOW = 8;
    /** An upper bound on IDF in practice (ln of a billion), to skip sketch lookups for terms that cannot make a title. */
    private static final double MAX_TITLE_IDF = 21;
    private static final int REASON_TERMS = 4;
    private static final int PRUNE_SLACK = 2;
    private static final int INITIAL_SLOTS = 1024;

    private final GroupingSettings s;
    private final Supplier<String> ids;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final TermStatistics stats;
    /** Hot events in order of last activity (a touched event is re-inserted at the end). */
    private final LinkedHashMap<String, EventState> hot = new LinkedHashMap<>(16, 0.75f, true);
    /** Hot and recently cold events by id, for restore and for waking. */
    private final BoundedLru<String, EventState> known;
    private final LongObjectMap<PostingList> index = new LongObjectMap<>();
    /** Stamp of the current post's candidate collection (saves a hash map per post). */
    private int epoch;
    /**
     * Hot events by slot, with each slot's candidate-collection scratch (the post, as epoch, that last hit it and the
     * index weight it shared) in flat arrays: collection then reads posting lists and these arrays, not the events.
     */
    private EventState[] slotEvents = new EventState[INITIAL_SLOTS];
    private int[] hitEpochs = new int[INITIAL_SLOTS];
    private double[] hitWeights = new double[INITIAL_SLOTS];
    private int[] freeSlots = new int[INITIAL_SLOTS];
    private int freeCount;
    private int usedSlots;
    /** Slots hit by the current collection, in order of first hit. */
    private int[] hitList = new int[INITIAL_SLOTS];
    private int hitCount;
    private EventState[] topHits = new EventState[0];
    private int[] topSlots = new int[0];
    private final ImageIndex images;
    /** Posts that a reply can name, by platform and external id (a 64-bit hash and a check), as storyline numbers. */
    private final LongLru replyTargets;
    private final long[] replyStorylines;
    /**
     * Storylines by {@link StorylineState#serial} while their event is remembered (hot or among the known events): the
     * image and reply indexes name storylines by number, and a forgotten event's storylines leave this map.
     */
    private final LongObjectMap<StorylineState> storylinesBySerial = new LongObjectMap<>();
    private long lastSerial;
    private final HammingIndex<TextSighting> texts;
    private final SpellingCache dictionary;
    /** Distinct voices that linked two established events, by pair of event ids, until enough merge them. */
    private final BoundedLru<String, long[]> pairLinks;
    /** Events started by a new picture that nearly joined another, in order of when they are due to be compared again. */
    private final ArrayDeque<EventState> nearlyJoined = new ArrayDeque<>();
    private long now = Long.MIN_VALUE;

    public GroupingEngine(GroupingSettings settings) {
        this(settings, () -> UUID.randomUUID().toString());
    }

    /** @param ids source of event and storyline ids, unique across restarts */
    public GroupingEngine(GroupingSettings settings, Supplier<String> ids) {
        this.s = settings;
        this.ids = ids;
        this.stats = new TermStatistics(s.sketchWidthBits(), s.sketchDepth(), s.idfPriorDocs(), s.idfPriorShare(),
                s.idfHalfLifeDocs());
        this.known = new BoundedLru<>(Math.max(s.knownEventCapacity(), 1), event -> {
            if (!event.hot) {
                forget(event);
            }
        });
        this.images = new ImageIndex(s.imageIndexCapacity(), s.maxBucket());
        this.replyTargets = new LongLru(s.replyIndexCapacity());
        this.replyStorylines = new long[s.replyIndexCapacity()];
        this.texts = new HammingIndex<>(s.textIndexCapacity(), s.maxBucket());
        this.dictionary = new SpellingCache(s.termDictionaryCapacity());
        this.pairLinks = new BoundedLru<>(s.pairLinkCapacity());
    }

    /** Events currently hot (active within the hot window). */
    public int hotEvents() {
        return hot.size();
    }

    /** Places one post and says where and why. */
    public Placement place(PostEvidence post) {
        List<Candidate> candidates = new ArrayList<>(); // insertion order: ties break the same way on every run
        try {
            return place(post, candidates);
        } finally {
            for (Candidate c : candidates) {
                c.event.candidate = null;
            }
        }
    }

    private Placement place(PostEvidence post, List<Candidate> candidates) {
        long at = post.postedAt().toEpochMilli();
        advance(at);
        List<String> reasons = new ArrayList<>();
        List<EventMerge> merges = new ArrayList<>();
        mergeNearlyJoined(reasons, merges);
        Prepared p = prepare(post);
        gatherStrong(post, p, at, candidates);
        gatherIndexed(p, candidates);
        for (Candidate c : candidates) {
            score(c, p, at);
        }

        Candidate target = choose(candidates, p);
        if (target == null && s.nameJoinCosine() > 0) {
            target = joinByName(p, at, candidates);
        }
        boolean newEvent = false;
        EventState event;
        EventState opened = null;
        if (target == null) {
            event = newEvent(at);
            newEvent = true;
            opened = event;
            double best = candidates.stream().mapToDouble(c -> c.score).max().orElse(0);
            reasons.add("no active event close enough (best score " + fixed2(best) + ")");
            if (p.newImage && s.nearlyJoinedHours() > 0) {
                rememberNearlyJoined(event, candidates, reasons);
            }
        } else {
            event = target.event;
            if (!event.hot) {
                wake(event);
                reasons.add("woke event quiet for " + duration(at - event.lastAt));
            }
            explain(target, p, at, reasons);
            event = mergeLinked(target, candidates, p, post.postId(), reasons, merges);
        }

        StorylineChoice choice = chooseStoryline(event, candidates, p);
        StorylineState storyline = choice.storyline;
        if (storyline == null) {
            storyline = newStoryline(ids.get(), event);
            event.storylines.add(storyline);
        } else {
            List<StorylineState> storylines = event.storylines;
            if (storylines.get(storylines.size() - 1) != storyline) {
                storylines.remove(storyline);
                storylines.add(storyline);
            }
        }
        reasons.add(choice.reason);

        List<Signal> signals = new ArrayList<>();
        mediaSignals(post, p, at, event, signals);
        CopyCluster cluster = p.duplicate != null ? p.duplicate.cluster : null;
        add(event, storyline, post, p, at, cluster);
        if (s.centroidMergeThreshold() > 0 && stale(event.mergeCheckPosts, event.posts, null)) {
            event = mergeFragments(event, reasons, merges);
        }
        if (cluster != null && cluster.authors() >= s.copyPasteMinAuthors() && p.author != 0) {
            signals.add(new Signal(Signal.COPY_PASTE, String.format(Locale.ROOT,
                    "near-identical text from %d authors within %s of post %s", cluster.authors(),
                    duration(at - cluster.firstAt), cluster.firstPostId), cluster.firstPostId));
        }
        List<StorylineMerge> storylineMerges = new ArrayList<>();
        if (s.storyMergeCosine() > 0) {
            mergeStorylines(storyline, storylineMerges, reasons);
        }
        // a storyline this post started and that merged at once was not a new storyline after all
        boolean started = choice.storyline == null && storyline.mergedInto == null;
        storyline = storyline.resolve();
        if (started) {
            signals.add(new Signal(Signal.FIRST_REPORT, "earliest post of its storyline", null));
        }
        NearlyJoined nearly = opened != null && opened.nearlyJoined != null && opened.mergedInto == null
                ? new NearlyJoined(opened.id, opened.nearlyJoined.id, Instant.ofEpochMilli(opened.nearlyJoinedDue))
                : null;
        return new Placement(post.postId(), event.id, storyline.id, newEvent, started,
                List.copyOf(reasons), List.copyOf(signals), List.copyOf(merges), title(event), label(storyline),
                storyline.corroboration(), List.copyOf(storylineMerges), nearly);
    }

    /**
     * Re-adds a post already placed (in order, when rebuilding hot state after a restart) to the given event and
     * storyline, creating them under those ids when unknown, without deciding anything.
     */
    public void restore(PostEvidence post, String eventId, String storylineId) {
        long at = post.postedAt().toEpochMilli();
        advance(at);
        Prepared p = prepare(post);
        EventState event = hot.get(eventId);
        if (event == null) {
            event = known.get(eventId);
        }
        event = event == null ? null : event.resolve();
        if (event == null) {
            event = new EventState(eventId, at);
            known.put(eventId, event);
        }
        if (!event.hot) {
            wake(event);
        }
        StorylineState storyline = null;
        for (StorylineState candidate : event.storylines) {
            if (candidate.id.equals(storylineId)) {
                storyline = candidate;
            }
        }
        if (storyline == null) {
            storyline = newStoryline(storylineId, event);
            event.storylines.add(storyline);
        }
        findDuplicate(p, at);
        add(event, storyline, post, p, at, p.duplicate != null ? p.duplicate.cluster : null);
    }

    /**
     * Gives back, after {@link #restore} has replayed the placements, a pair a placement reported in
     * {@link Placement#nearlyJoined()}, so that the two events are compared again when due as they would have been
     * without a restart. Call in order of {@code due}. Ignored when either event is unknown, merged away or no longer
     * active, or when the fragment already waits for a comparison.
     */
    public void restoreNearlyJoined(NearlyJoined pair) {
        EventState fragment = known.get(pair.fragmentEventId());
        EventState near = known.get(pair.nearEventId());
        near = near == null ? null : near.resolve();
        if (fragment == null || near == null || fragment.mergedInto != null || fragment == near || !fragment.hot
                || !near.hot || fragment.nearlyJoined != null) {
            return;
        }
        fragment.nearlyJoined = near;
        fragment.nearlyJoinedDue = pair.due().toEpochMilli();
        nearlyJoined.addLast(fragment);
    }

    // ---- features ----

    private Prepared prepare(PostEvidence post) {
        PostEvidence.Place place = post.place();
        TextFeatures f = analyzer.analyze(post.text(), post.tags(), place == null ? null : place.name(),
                post.authorHandle());
        Prepared p = new Prepared();
        p.features = f;
        int n = f.size();
        boolean geo = place != null && place.hasCoordinates();
        p.terms = Arrays.copyOf(f.terms(), n + (geo ? 1 : 0));
        p.idf = new double[p.terms.length];
        p.weights = new double[p.terms.length];
        p.cosWeights = new double[p.terms.length];
        for (int i = 0; i < n; i++) {
            TermKind kind = f.kinds()[i];
            int df = stats.frequency(p.terms[i]);
            p.idf[i] = stats.idfOf(df);
            // a term never seen before cannot point at any event: it counts against a match, but less than a known one
            boolean seen = df > 0;
            p.weights[i] = Math.max(0, p.idf[i] - s.idfOffset()) * kindWeight(kind) * (seen ? 1 : s.unseenTermWeight());
            p.totalWeight += p.weights[i];
            p.cosWeights[i] = Math.max(0, p.idf[i] - s.cosineIdfOffset()) * kindWeight(kind) * (seen ? 1 : s.unseenTermWeight());
            p.norm2 += p.cosWeights[i] * p.cosWeights[i];
            if (kind == TermKind.AUTHOR) {
                p.author = p.terms[i];
            }
            if ((kind == TermKind.WORD || kind == TermKind.HASHTAG) && !dictionary.containsKey(p.terms[i])) {
                dictionary.put(p.terms[i], f.surfaces()[i]);
            }
        }
        if (geo) {
            p.lat = place.lat();
            p.lon = place.lon();
            p.radiusKm = place.radiusKm() == null ? 0 : place.radiusKm();
            p.hasPlace = true;
            int cx = cellX(p.lon);
            int cy = cellY(p.lat);
            p.terms[n] = cellKey(cx, cy);
            p.idf[n] = s.minIndexIdf();
            p.cellKeys = new long[9];
            int k = 0;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    p.cellKeys[k++] = cellKey(cx + dx, cy + dy);
                }
            }
        }
        if (place != null && place.name() != null && !place.name().isBlank()) {
            p.placeName = place.name().trim();
        }
        p.mediaHashes = new long[post.media().size()];
        p.mediaHasHash = new boolean[post.media().size()];
        p.sightings = new ImageSighting[post.media().size()];
        p.sightingDistance = new int[post.media().size()];
        for (int i = 0; i < post.media().size(); i++) {
            String hash = post.media().get(i).perceptualHash();
            if (hash != null && !hash.isBlank()) {
                p.mediaHashes[i] = Long.parseUnsignedLong(hash.trim(), 16);
                p.mediaHasHash[i] = true;
            }
        }
        return p;
    }

    private double kindWeight(TermKind kind) {
        switch (kind) {
            case HASHTAG:
                return s.hashtagWeight();
            case MENTION:
                return s.mentionWeight();
            case URL:
                return s.urlWeight();
            case AUTHOR:
                return s.authorWeight();
            case STOP_WORD:
                return s.stopWordWeight();
            default:
                return 1.0;
        }
    }

    // ---- candidates ----

    private void gatherStrong(PostEvidence post, Prepared p, long at, List<Candidate> candidates) {
        for (int i = 0; i < post.media().size(); i++) {
            PostEvidence.Media m = post.media().get(i);
            int entry = m.sha256() == null ? -1 : images.get(m.sha256());
            ImageSighting sighting = entry < 0 ? null : new ImageSighting(storylineBySerial(images.storyline(entry)),
                    images.firstPostId(entry), images.firstAt(entry));
            int distance = 0;
            if (sighting == null && p.mediaHasHash[i]) {
                int near = images.nearest(p.mediaHashes[i], s.perceptualDistance());
                if (near >= 0) {
                    sighting = new ImageSighting(storylineBySerial(images.similarStoryline(near)),
                            images.similarFirstPostId(near), images.similarFirstAt(near));
                    distance = Long.bitCount(images.similarHash(near) ^ p.mediaHashes[i]);
                }
            }
            p.sightings[i] = sighting;
            p.sightingDistance[i] = distance;
            if (sighting != null) {
                String why = distance == 0 ? "same image as post " + sighting.firstPostId
                        : "near-identical image (" + distance + " bits) to post " + sighting.firstPostId;
                strong(candidates, remembered(sighting.storyline()), STRENGTH_IMAGE, why);
            } else {
                p.newImage = true;
            }
        }
        if (post.inReplyTo() != null) {
            int target = replyTargets.get(replyHash(post.platform(), post.inReplyTo()),
                    replyCheck(post.platform(), post.inReplyTo()));
            if (target >= 0) {
                strong(candidates, remembered(storylineBySerial(replyStorylines[target])), STRENGTH_REPLY,
                        "reply to a post of this storyline");
            }
        }
        findDuplicate(p, at);
        if (p.duplicate != null) {
            strong(candidates, remembered(p.duplicate.storyline()), STRENGTH_TEXT, "near-identical text to post " + p.duplicate.postId);
        }
    }

    private void findDuplicate(Prepared p, long at) {
        if (p.features.normalizedLength() < s.minCopyPasteChars()) {
            return;
        }
        HammingIndex.Entry<TextSighting> near = texts.nearest(p.features.simHash(), s.copyPasteDistance());
        if (near != null && Math.abs(at - near.value.at) <= s.copyPasteWindowHours() * HOUR_MILLIS) {
            p.duplicate = near.value;
        }
    }

    /**
     * The storyline an index points at while its event is remembered (hot, or among the {@code knownEventCapacity}
     * known events); null once forgotten, whether or not the collector has reclaimed it yet, so that placements do not
     * depend on when it runs.
     */
    private StorylineState remembered(StorylineState storyline) {
        if (storyline == null) {
            return null;
        }
        EventState event = storyline.event.resolve();
        return event.hot || known.containsKey(event.id) ? storyline.resolve() : null;
    }

    /** The event's candidate for the current post, added at the end of the list when new (no hash map per post). */
    private Candidate candidateFor(List<Candidate> candidates, EventState event) {
        Candidate c = event.candidate;
        if (c == null) {
            c = new Candidate(event);
            event.candidate = c;
            candidates.add(c);
        }
        return c;
    }

    private void strong(List<Candidate> candidates, StorylineState storyline, int strength, String why) {
        if (storyline == null) {
            return;
        }
        EventState event = storyline.event.resolve();
        Candidate c = candidateFor(candidates, event);
        if (strength > c.strength) {
            c.strength = strength;
            c.strongStoryline = storyline;
            c.strongReason = why;
        }
    }

    private void gatherIndexed(Prepared p, List<Candidate> candidates) {
        int[] order = new int[p.terms.length];
        int n = 0;
        for (int i = 0; i < p.terms.length; i++) {
            if (p.idf[i] >= s.minIndexIdf()) {
                // insertion sort, rarest first: a post has a few dozen terms at most
                int k = n++;
                while (k > 0 && p.idf[order[k - 1]] < p.idf[i]) {
                    order[k] = order[k - 1];
                    k--;
                }
                order[k] = i;
            }
        }
        epoch++;
        hitCount = 0;
        // rarest terms first; once enough events are in view, later (commoner) terms only add weight to those
        int limit = s.maxCandidates() * PRUNE_SLACK * PRUNE_SLACK;
        if (p.cellKeys != null) {
            for (long key : p.cellKeys) {
                collect(key, 1, limit);
            }
        }
        for (int k = 0; k < Math.min(n, s.maxQueryTerms()); k++) {
            int i = order[k];
            collect(p.terms[i], Math.max(p.weights[i], 1), limit);
        }
        int top = topHits(s.maxCandidates());
        for (int k = 0; k < top; k++) {
            candidateFor(candidates, topHits[k]);
        }
    }

    /**
     * Puts into {@link #topHits} the {@code want} hits of most index weight, in the order a stable sort by descending
     * weight would give (ties in order of collection, so that they break the same way on every run), without sorting
     * them all, or all hits in the order collected when there are no more than that; returns how many.
     */
    private int topHits(int want) {
        if (want <= 0) {
            return 0;
        }
        if (topHits.length < Math.max(want, 1)) {
            topHits = new EventState[Math.max(want, 1)];
        }
        if (hitCount <= want) {
            // all of them, in the order collected
            for (int i = 0; i < hitCount; i++) {
                topHits[i] = slotEvents[hitList[i]];
            }
            return hitCount;
        }
        if (topSlots.length < want) {
            topSlots = new int[want];
        }
        int n = 0;
        for (int i = 0; i < hitCount; i++) {
            int slot = hitList[i];
            double weight = hitWeights[slot];
            if (n == want && Double.compare(weight, hitWeights[topSlots[n - 1]]) <= 0) {
                continue;
            }
            int k = n < want ? n++ : n - 1;
            while (k > 0 && Double.compare(hitWeights[topSlots[k - 1]], weight) < 0) {
                topSlots[k] = topSlots[k - 1];
                k--;
            }
            topSlots[k] = slot;
        }
        for (int i = 0; i < n; i++) {
            topHits[i] = slotEvents[topSlots[i]];
        }
        return n;
    }

    private void collect(long key, double weight, int limit) {
        PostingList list = index.get(key);
        if (list == null) {
            return;
        }
        for (int j = list.size() - 1; j >= 0; j--) {
            int slot = list.get(j);
            if (hitEpochs[slot] == epoch) {
                hitWeights[slot] += weight;
            } else if (hitCount < limit) {
                hitEpochs[slot] = epoch;
                hitWeights[slot] = weight;
                if (hitCount == hitList.length) {
                    hitList = Arrays.copyOf(hitList, hitCount * 2);
                }
                hitList[hitCount++] = slot;
            }
        }
    }

    private void score(Candidate c, Prepared p, long at) {
        EventState e = c.event;
        // a post claimed before the event began is as far from it as one claimed after it ended (streams arrive out
        // of order); and as an event quiet for longer than the hot window leaves the index, a post claimed longer
        // than that before it began does not join it on words (strong evidence still can)
        long gap = at < e.firstAt ? e.firstAt - at : Math.max(0, at - e.lastAt);
        double gapHours = gap / (double) HOUR_MILLIS;
        if (gapHours > s.hotWindowHours()) {
            return;
        }
        c.textScore = coverageAndDot(e, p);
        if (s.cosineWeight() > 0 && c.textScore > 0) {
            double cosine = cosine(e, p, dot);
            c.textScore = Math.pow(c.textScore, 1 - s.cosineWeight()) * Math.pow(cosine, s.cosineWeight());
        }
        c.timeFactor = 1 - s.timeWeight() * (1 - Math.exp(-gapHours / s.timeScaleHours()));
        double score = c.textScore * c.timeFactor;
        if (p.hasPlace && e.hasPlace()) {
            c.distanceKm = distanceKm(p.lat, p.lon, e.lat(), e.lon());
            if (c.distanceKm <= s.placeNearKm() + p.radiusKm) {
                score = p.totalWeight > 0 ? score + s.placeBonus() : c.timeFactor;
            } else if (c.distanceKm > s.placeFarKm() + p.radiusKm) {
                score *= s.placeFarFactor();
            }
        }
        c.score = score;
    }

    /** Share of the post's term weight that the profile carries, each term counted in proportion to its prevalence. */
    private double coverage(LongIntMap terms, int posts, Prepared p) {
        if (p.totalWeight <= 0) {
            return 0;
        }
        double saturation = 1 + s.termSaturation() * posts;
        double sum = 0;
        boolean rareShared = false;
        for (int i = 0; i < p.weights.length; i++) {
            if (p.weights[i] > 0) {
                int count = terms.get(p.terms[i]);
                if (count > 0) {
                    sum += p.weights[i] * Math.min(1, count / saturation);
                    rareShared |= p.idf[i] >= s.minSharedIdf();
                }
            }
        }
        // common words alone (in any language, a minority language's function words included) never link
        return rareShared ? sum / p.totalWeight : 0;
    }

    /** Dot product of the post's weighted terms with the last event's centroid, from {@link #coverageAndDot}. */
    private double dot;

    /**
     * The event's {@link #coverage} of the post, and (into {@link #dot}) the dot product of the post's weighted terms with
     * its centroid, in one pass over the post's terms: each lookup in the event's profile is a likely cache miss.
     */
    private double coverageAndDot(EventState e, Prepared p) {
        dot = 0;
        if (p.totalWeight <= 0) {
            return 0;
        }
        double sum = 0;
        boolean rareShared = false;
        double saturation = 1 + s.termSaturation() * e.posts;
        int n = p.features.size();
        for (int i = 0; i < p.terms.length; i++) {
            boolean covers = p.weights[i] > 0;
            boolean dots = i < n && p.cosWeights[i] > 0;
            if (covers || dots) {
                int count = e.terms.get(p.terms[i]);
                if (count > 0) {
                    if (covers) {
                        sum += p.weights[i] * Math.min(1, count / saturation);
                        rareShared |= p.idf[i] >= s.minSharedIdf();
                    }
                    if (dots) {
                        dot += p.cosWeights[i] * count * Math.max(0, p.idf[i] - s.cosineIdfOffset());
                    }
                }
            }
        }
        // common words alone (in any language, a minority language's function words included) never link
        return rareShared ? sum / p.totalWeight : 0;
    }

    /** Cosine between the post's weighted terms and the event's centroid (count times IDF weight per term). */
    private double cosine(EventState e, Prepared p, double dot) {
        if (p.norm2 <= 0) {
            return 0;
        }
        if (stale(e.normPosts, e.posts, null)) {
            recomputeNorm(e);
        }
        if (e.norm2 <= 0) {
            return 0;
        }
        return Math.min(1, dot / Math.sqrt(p.norm2 * e.norm2));
    }

    /** The centroid's squared length from current IDF (terms never counted in the stream, such as place cells, skipped). */
    private void recomputeNorm(EventState e) {
        double[] sum = {0};
        e.terms.forEach((key, count) -> {
            int df = stats.frequency(key);
            if (df > 0) {
                double w = count * Math.max(0, stats.idfOf(df) - s.cosineIdfOffset());
                sum[0] += w * w;
            }
        });
        e.norm2 = sum[0];
        e.normPosts = e.posts;
    }

    private Candidate choose(List<Candidate> candidates, Prepared p) {
        // a post bringing a picture never seen before is usually a new claim, and every later post of that picture will
        // follow it: on words alone it joins an event only at the stricter threshold
        double join = p.newImage ? Math.max(s.joinThreshold(), s.newImageJoinThreshold()) : s.joinThreshold();
        Candidate strongHot = null;
        Candidate strongCold = null;
        Candidate bestText = null;
        for (Candidate c : candidates) {
            if (c.strength > 0) {
                if (c.event.hot) {
                    if (strongHot == null || c.strength > strongHot.strength
                            || c.strength == strongHot.strength && c.event.posts > strongHot.event.posts) {
                        strongHot = c;
                    }
                } else if (strongCold == null || c.strength > strongCold.strength) {
                    strongCold = c;
                }
            }
            if (c.event.hot && c.score >= join && (bestText == null || c.score > bestText.score)) {
                bestText = c;
            }
        }
        if (strongHot != null) {
            return strongHot;
        }
        if (bestText != null) {
            return bestText;
        }
        return strongCold;
    }

    /**
     * For a post that found no event: the hot event whose centroid its terms match with at least {@code nameJoinCosine}
     * (times the time decay), looked up through the post's commoner terms too. A bursting event's own name is too
     * common in the stream to count as a rare shared term, yet a post that says little more than it points at the
     * event whose centroid those words dominate; generic words dominate no centroid.
     */
    private Candidate joinByName(Prepared p, long at, List<Candidate> candidates) {
        int n = p.features.size();
        TermKind[] kinds = p.features.kinds();
        epoch++;
        hitCount = 0;
        int limit = s.maxCandidates() * PRUNE_SLACK * PRUNE_SLACK;
        for (int i = 0; i < n; i++) {
            if (p.idf[i] < s.minIndexIdf() && p.cosWeights[i] > 0 && kinds[i] != TermKind.AUTHOR) {
                collect(p.terms[i], p.cosWeights[i], limit);
            }
        }
        int top = topHits(s.maxCandidates());
        for (int k = 0; k < top; k++) {
            candidateFor(candidates, topHits[k]);
        }
        // words never seen before count in full here: they say what the post is about beyond the event's name, where a
        // new link or mention is only an address (the score counts every unseen term at unseenTermWeight)
        double unseenIdf = stats.idfOf(0);
        double extra = 0;
        for (int i = 0; i < n; i++) {
            if (p.idf[i] == unseenIdf && (kinds[i] == TermKind.WORD || kinds[i] == TermKind.HASHTAG)) {
                double full = Math.max(0, p.idf[i] - s.cosineIdfOffset()) * kindWeight(kinds[i]);
                extra += full * full - p.cosWeights[i] * p.cosWeights[i];
            }
        }
        double lengthRatio = Math.sqrt(p.norm2 / (p.norm2 + extra));
        Candidate best = null;
        double bestScore = 0;
        for (Candidate c : candidates) {
            EventState e = c.event;
            if (!e.hot || e.mergedInto != null) {
                continue;
            }
            long gap = at < e.firstAt ? e.firstAt - at : Math.max(0, at - e.lastAt);
            double gapHours = gap / (double) HOUR_MILLIS;
            if (gapHours > s.hotWindowHours()) {
                continue;
            }
            if (coverageAndDot(e, p) > 0) {
                continue; // it shares a rare term: the score already judged it
            }
            double timeFactor = 1 - s.timeWeight() * (1 - Math.exp(-gapHours / s.timeScaleHours()));
            double score = cosine(e, p, dot) * lengthRatio * timeFactor;
            if (score >= s.nameJoinCosine() && score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        if (best != null) {
            best.byName = true;
            best.score = bestScore;
        }
        return best;
    }

    /**
     * Merges into one every hot event this post links strongly or by a score above the merge threshold; two established
     * events (each with {@code establishedPosts}) merge only on a second independent link (another author) or when their
     * vocabularies overlap, because one post can touch two unrelated running events by chance.
     */
    private EventState mergeLinked(Candidate target, List<Candidate> candidates, Prepared p, String postId,
            List<String> reasons, List<EventMerge> merges) {
        List<Candidate> linked = new ArrayList<>();
        linked.add(target);
        for (Candidate c : candidates) {
            if (c != target && c.event.hot && c.event.mergedInto == null
                    && (c.strength >= STRENGTH_TEXT || c.score >= s.mergeThreshold())) {
                double gate = c.strength >= STRENGTH_TEXT ? s.mergeStrongCentroidCosine() : s.mergeCentroidCosine();
                if (gate > 0 && c.event != target.event.resolve()) {
                    double closeness = centroidCosine(c.event, target.event.resolve());
                    if (closeness < gate) {
                        reasons.add("also links event " + c.event.id + " (" + (c.strength > 0 ? c.strongReason
                                : "score " + fixed2(c.score)) + ") but their texts differ (centroid cosine "
                                + fixed2(closeness) + "): not merged");
                        continue;
                    }
                }
                linked.add(c);
            }
        }
        if (linked.size() == 1) {
            return target.event;
        }
        Candidate survivor = target;
        for (Candidate c : linked) {
            if (c.event.posts > survivor.event.posts) {
                survivor = c;
            }
        }
        for (Candidate c : linked) {
            if (c == survivor) {
                continue;
            }
            String pending = null;
            if (established(c.event) && established(survivor.event)) {
                int links = link(c.event, survivor.event, p.author != 0 ? p.author : Hashing.term('p', postId));
                double overlap = profileOverlap(c.event, survivor.event);
                if (links < s.mergeLinks() && overlap < s.mergeProfileOverlap()) {
                    reasons.add(String.format(Locale.ROOT, "also links event %s (%d of %d independent links, "
                            + "vocabulary overlap %.2f): not merged yet", c.event == target.event ? survivor.event.id
                            : c.event.id, links, s.mergeLinks(), overlap));
                    continue;
                }
                pending = String.format(Locale.ROOT, "%d independent links, vocabulary overlap %.2f", links, overlap);
            }
            merge(c.event, survivor.event);
            merges.add(new EventMerge(c.event.id, survivor.event.id));
            reasons.add(String.format(Locale.ROOT, "merged event %s into %s: this post links both (%s)%s", c.event.id,
                    survivor.event.id, c.strength > 0 ? c.strongReason : String.format(Locale.ROOT, "score %.2f", c.score),
                    pending == null ? "" : "; " + pending));
        }
        return target.event.resolve();
    }

    /**
     * Remembers on a new event started by a new picture the hot event its post scored best for at or above
     * {@code joinThreshold} (below the stricter threshold for new pictures), to compare the two again later.
     */
    private void rememberNearlyJoined(EventState event, List<Candidate> candidates, List<String> reasons) {
        Candidate near = null;
        for (Candidate c : candidates) {
            if (c.event.hot && c.event.mergedInto == null && c.score >= s.joinThreshold()
                    && (near == null || c.score > near.score)) {
                near = c;
            }
        }
        if (near == null) {
            return;
        }
        event.nearlyJoined = near.event;
        event.nearlyJoinedDue = now + (long) (s.nearlyJoinedHours() * HOUR_MILLIS);
        nearlyJoined.addLast(event);
        reasons.add("a new picture: nearly joined event " + near.event.id + " (score " + fixed2(near.score)
                + "), compared again in " + duration(event.nearlyJoinedDue - now));
    }

    /**
     * Merges each event started by a new picture whose time is due back into the event it nearly joined when the two
     * now share at least {@code nearlyJoinedSharedTerms} informative terms: a picture of the same happening shares its
     * event's words, a different story that joined on one chance word gathers its own.
     */
    private void mergeNearlyJoined(List<String> reasons, List<EventMerge> merges) {
        while (!nearlyJoined.isEmpty() && nearlyJoined.peekFirst().nearlyJoinedDue <= now) {
            EventState fragment = nearlyJoined.pollFirst();
            EventState near = fragment.nearlyJoined.resolve();
            fragment.nearlyJoined = null;
            if (fragment.mergedInto != null || !fragment.hot || !near.hot || near == fragment) {
                continue;
            }
            double closeness = centroidCosine(fragment, near);
            int shared = sharedIndexTerms(fragment, near, s.nearlyJoinedSharedTerms());
            if (closeness < s.nearlyJoinedCosine() || shared < s.nearlyJoinedSharedTerms()) {
                // not yet: compared again while both stay hot, as either may still gather what decides
                fragment.nearlyJoined = near;
                fragment.nearlyJoinedDue = now + (long) (s.nearlyJoinedHours() * HOUR_MILLIS);
                nearlyJoined.addLast(fragment);
                continue;
            }
            EventState survivor = near.posts >= fragment.posts ? near : fragment;
            EventState absorbed = survivor == near ? fragment : near;
            merge(absorbed, survivor);
            merges.add(new EventMerge(absorbed.id, survivor.id));
            reasons.add("merged event " + absorbed.id + " into " + survivor.id + ": a new picture's event and the event "
                    + "it nearly joined share " + shared + " informative terms (centroid cosine " + fixed2(closeness)
                    + ") after " + duration((long) (s.nearlyJoinedHours() * HOUR_MILLIS)) + " or more");
        }
    }

    /**
     * How many terms informative enough to index events (current IDF at least {@code minIndexIdf}) the two events share,
     * counting up to {@code enough}.
     */
    private int sharedIndexTerms(EventState a, EventState b, int enough) {
        EventState small = a.terms.size() <= b.terms.size() ? a : b;
        EventState large = small == a ? b : a;
        int[] shared = {0};
        small.terms.forEach((key, count) -> {
            if (shared[0] < enough && large.terms.get(key) > 0) {
                int df = stats.frequency(key);
                if (df > 0 && stats.idfOf(df) >= s.minIndexIdf()) {
                    shared[0]++;
                }
            }
        });
        return shared[0];
    }

    /** Hours between the spans of two events' claimed times; 0 when they overlap. */
    private static double hoursApart(EventState a, EventState b) {
        return Math.max(0, Math.max(a.firstAt - b.lastAt, b.firstAt - a.lastAt)) / (double) HOUR_MILLIS;
    }

    /**
     * Merges into a growing event the hot events whose centroids are close to its own (and not further apart in time
     * than the hot window, as for a post joining an event), found through its main terms:
     * fragments of one happening that no single post links strongly enough.
     */
    private EventState mergeFragments(EventState event, List<String> reasons, List<EventMerge> merges) {
        event.mergeCheckPosts = event.posts;
        int want = s.centroidMergeTerms();
        long[] keys = new long[want];
        double[] scores = new double[want];
        int[] filled = {0};
        event.terms.forEach((key, count) -> {
            int df = stats.frequency(key);
            if (df <= 0) {
                return;
            }
            double idf = stats.idfOf(df);
            if (idf < s.minIndexIdf()) {
                return;
            }
            double score = count * (idf - s.idfOffset());
            if (filled[0] == want && score <= scores[want - 1]) {
                return;
            }
            int k = filled[0] < want ? filled[0]++ : want - 1;
            while (k > 0 && scores[k - 1] < score) {
                scores[k] = scores[k - 1];
                keys[k] = keys[k - 1];
                k--;
            }
            scores[k] = score;
            keys[k] = key;
        });
        if (filled[0] == 0) {
            return event;
        }
        epoch++;
        hitCount = 0;
        int limit = s.maxCandidates() * PRUNE_SLACK * PRUNE_SLACK;
        for (int k = 0; k < filled[0]; k++) {
            collect(keys[k], scores[k], limit);
        }
        int top = topHits(s.maxCandidates());
        List<EventState> close = new ArrayList<>();
        List<Double> closeness = new ArrayList<>();
        for (int k = 0; k < top; k++) {
            EventState other = topHits[k];
            if (other != event && other.hot && other.mergedInto == null
                    && hoursApart(event, other) <= s.hotWindowHours()) {
                double cos = centroidCosine(event, other);
                if (cos >= s.centroidMergeThreshold()) {
                    close.add(other);
                    closeness.add(cos);
                }
            }
        }
        EventState into = event;
        for (int k = 0; k < close.size(); k++) {
            EventState a = into.resolve();
            EventState b = close.get(k).resolve();
            if (a == b) {
                continue;
            }
            EventState survivor = b.posts > a.posts ? b : a;
            EventState absorbed = survivor == a ? b : a;
            merge(absorbed, survivor);
            merges.add(new EventMerge(absorbed.id, survivor.id));
            reasons.add("merged event " + absorbed.id + " into " + survivor.id + ": their texts tell the same (centroid "
                    + "cosine " + fixed2(closeness.get(k)) + ")");
            into = survivor;
        }
        return into.resolve();
    }

    /** Cosine between two events' centroids (term count times current IDF weight). */
    private double centroidCosine(EventState a, EventState b) {
        if (stale(a.normPosts, a.posts, null)) {
            recomputeNorm(a);
        }
        if (stale(b.normPosts, b.posts, null)) {
            recomputeNorm(b);
        }
        if (a.norm2 <= 0 || b.norm2 <= 0) {
            return 0;
        }
        EventState small = a.terms.size() <= b.terms.size() ? a : b;
        EventState large = small == a ? b : a;
        double[] dot = {0};
        small.terms.forEach((key, count) -> {
            int other = large.terms.get(key);
            if (other > 0) {
                int df = stats.frequency(key);
                if (df > 0) {
                    double w = Math.max(0, stats.idfOf(df) - s.cosineIdfOffset());
                    dot[0] += (double) count * other * w * w;
                }
            }
        });
        return Math.min(1, dot[0] / Math.sqrt(a.norm2 * b.norm2));
    }

    private boolean established(EventState e) {
        return e.posts >= s.establishedPosts();
    }

    /** Records that a post by {@code voice} links the two events; returns the distinct voices that did so. */
    private int link(EventState a, EventState b, long voice) {
        String key = a.id.compareTo(b.id) < 0 ? a.id + '|' + b.id : b.id + '|' + a.id;
        long[] voices = pairLinks.computeIfAbsent(key, k -> new long[s.mergeLinks()]);
        int n = 0;
        for (long v : voices) {
            if (v == voice) {
                return countLinks(voices);
            }
            if (v != 0) {
                n++;
            }
        }
        if (n < voices.length) {
            voices[n] = voice;
        }
        return countLinks(voices);
    }

    private static int countLinks(long[] voices) {
        int n = 0;
        for (long v : voices) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Share of the smaller event's informative term mass that the larger event also carries: one post can share words
     * with two unrelated events by chance, two fragments of one event share their vocabulary.
     */
    private double profileOverlap(EventState a, EventState b) {
        EventState small = a.posts <= b.posts ? a : b;
        EventState large = small == a ? b : a;
        double[] sums = new double[2];
        small.terms.forEach((key, count) -> {
            double w = count * Math.max(0, stats.idf(key) - s.idfOffset());
            sums[0] += w;
            if (large.terms.get(key) > 0) {
                sums[1] += w;
            }
        });
        return sums[0] <= 0 ? 0 : sums[1] / sums[0];
    }

    private void merge(EventState from, EventState into) {
        for (StorylineState storyline : from.storylines) {
            storyline.event = into;
            into.storylines.add(storyline);
            if (s.storyMergeCosine() > 0 && !storyline.hasImage) {
                movedStorylines.add(storyline);
            }
        }
        from.storylines.clear();
        from.terms.forEach((key, count) -> into.terms.add(key, count));
        into.posts += from.posts;
        into.firstAt = Math.min(into.firstAt, from.firstAt);
        into.lastAt = Math.max(into.lastAt, from.lastAt);
        if (into.hot) {
            // its last post may now be recent: it moves to the active end of the hot set (access order), or when it
            // reached the quiet end it would stop every quiet event behind it from leaving until it went quiet itself
            hot.get(into.id);
        }
        into.latSum += from.latSum;
        into.lonSum += from.lonSum;
        into.geoPosts += from.geoPosts;
        from.placeNames.forEach((name, count) -> into.placeNames.merge(name, count, Integer::sum));
        LongIntMap keys = from.indexedKeys;
        unindex(from);
        hot.remove(from.id);
        from.hot = false;
        from.mergedInto = into;
        keys.forEach((key, unused) -> indexKey(into, key));
        pruneEvent(into);
        into.titlePosts = -1;
        into.normPosts = -1;
    }

    private StorylineChoice chooseStoryline(EventState event, List<Candidate> candidates, Prepared p) {
        StorylineState strongest = null;
        String why = null;
        int strength = 0;
        for (Candidate c : candidates) {
            if (c.strongStoryline != null && c.strongStoryline.event.resolve() == event && c.strength > strength) {
                strongest = c.strongStoryline;
                strength = c.strength;
                why = c.strongReason;
            }
        }
        if (strongest != null) {
            return new StorylineChoice(strongest, "storyline: " + why);
        }
        double threshold = p.newImage ? s.storyNewImageThreshold() : s.storyThreshold();
        StorylineState best = null;
        double bestScore = 0;
        double bestSeen = 0;
        double[] weights = storyWeights(event, p);
        List<StorylineState> storylines = event.storylines;
        for (int i = storylines.size() - 1; i >= Math.max(0, storylines.size() - s.storylineScan()); i--) {
            StorylineState candidate = storylines.get(i);
            double score = weights == null ? coverage(candidate.terms, candidate.posts, p)
                    : storyCoverage(candidate, weights, p);
            bestSeen = Math.max(bestSeen, score);
            // a storyline told only in words is joined at its own threshold: retellings share less than a caption does
            double own = p.newImage ? threshold : candidate.hasImage ? s.storyThreshold() : s.storyTextOnlyThreshold();
            if (score < own) {
                continue;
            }
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best != null) {
            return new StorylineChoice(best, "storyline: text close to it (" + fixed2(bestScore) + ")");
        }
        return new StorylineChoice(null, p.newImage ? "new storyline: a new image"
                : "new storyline: no storyline close enough (best " + fixed2(bestSeen) + ")");
    }

    /**
     * The post's term weights for choosing a storyline: each discounted by its share of the event's posts, as the words
     * most of an event's posts carry say which event a post is about, not which of its claims; null when off.
     */
    private double[] storyWeights(EventState event, Prepared p) {
        if (s.storyEventShareDiscount() <= 0 || event.posts <= 0) {
            return null;
        }
        if (storyWeightBuffer.length < p.weights.length) {
            storyWeightBuffer = new double[Math.max(p.weights.length, storyWeightBuffer.length * 2)];
        }
        double[] w = storyWeightBuffer;
        for (int i = 0; i < p.weights.length; i++) {
            w[i] = 0;
            if (p.weights[i] > 0) {
                double share = Math.min(1, event.terms.get(p.terms[i]) / (double) event.posts);
                w[i] = p.weights[i] * Math.max(0, 1 - s.storyEventShareDiscount() * share);
            }
        }
        return w;
    }

    /** Reused by {@link #storyWeights} (one post at a time); only its first {@code p.weights.length} entries count. */
    private double[] storyWeightBuffer = new double[64];

    /** {@link #coverage} of the post by a storyline, with the post's terms weighed by {@link #storyWeights}. */
    private double storyCoverage(StorylineState storyline, double[] weights, Prepared p) {
        double saturation = 1 + s.termSaturation() * storyline.posts;
        double sum = 0;
        double total = 0;
        boolean rareShared = false;
        for (int i = 0; i < p.weights.length; i++) {
            if (weights[i] > 0) {
                total += weights[i];
                int count = storyline.terms.get(p.terms[i]);
                if (count > 0) {
                    sum += weights[i] * Math.min(1, count / saturation);
                    rareShared |= p.idf[i] >= s.minSharedIdf();
                }
            }
        }
        return rareShared && total > 0 ? sum / total : 0;
    }

    /** Storylines told only in words that an event merge moved since the last placement, to compare in their event. */
    private final List<StorylineState> movedStorylines = new ArrayList<>();

    /**
     * Merges storylines told only in words whose centroids have converged: those an event merge brought into another
     * event (fragments of one happening carry fragments of one claim), and the post's own storyline as it grows (on
     * the title schedule). A storyline of a picture is what its picture shows and is never merged on words.
     */
    private void mergeStorylines(StorylineState own, List<StorylineMerge> out, List<String> reasons) {
        for (int i = 0; i < movedStorylines.size(); i++) {
            StorylineState moved = movedStorylines.get(i).resolve();
            EventState event = moved.event.resolve();
            if (event.hot) {
                mergeStoryline(moved, event, out, reasons);
            }
        }
        movedStorylines.clear();
        StorylineState st = own.resolve();
        if (!st.hasImage && stale(st.mergeCheckPosts, st.posts, null)) {
            mergeStoryline(st, st.event.resolve(), out, reasons);
        }
    }

    private void mergeStoryline(StorylineState a, EventState event, List<StorylineMerge> out, List<String> reasons) {
        a.mergeCheckPosts = a.posts;
        if (a.hasImage) {
            return;
        }
        StorylineState best = null;
        double bestCosine = s.storyMergeCosine();
        Centroid centroid = null;
        List<StorylineState> storylines = event.storylines;
        for (int i = storylines.size() - 1; i >= Math.max(0, storylines.size() - s.storylineScan()); i--) {
            StorylineState b = storylines.get(i);
            if (b == a || b.hasImage) {
                continue;
            }
            if (centroid == null) {
                centroid = centroid(a, event);
            }
            double cosine = storylineCosine(centroid, b, event);
            if (cosine >= bestCosine) {
                best = b;
                bestCosine = cosine;
            }
        }
        if (best == null) {
            return;
        }
        StorylineState small = a.posts <= best.posts ? a : best;
        StorylineState large = small == a ? best : a;
        absorb(small, large, event);
        out.add(new StorylineMerge(small.id, large.id, event.id));
        reasons.add("merged storyline " + small.id + " into " + large.id + ": they tell the same in words (centroid cosine "
                + fixed2(bestCosine) + ")");
    }

    /** A storyline's centroid over the terms its event keeps: keys, IDF weights, weighted shares and squared length. */
    private record Centroid(long[] keys, double[] weights, double[] values, double norm2) {
    }

    /**
     * The centroid of a storyline: each term's share of its posts times its IDF weight, over the terms its event keeps
     * (function words, authors and place cells are no part of what a claim says). Computed once per comparison round.
     */
    private Centroid centroid(StorylineState a, EventState event) {
        int size = a.terms.size();
        long[] keys = new long[size];
        double[] weights = new double[size];
        double[] values = new double[size];
        int[] n = {0};
        double[] norm2 = {0};
        a.terms.forEach((key, count) -> {
            if (event.terms.get(key) > 0) {
                double w = Math.max(0, stats.idf(key) - s.cosineIdfOffset());
                double x = w * count / a.posts;
                norm2[0] += x * x;
                keys[n[0]] = key;
                weights[n[0]] = w;
                values[n[0]] = x;
                n[0]++;
            }
        });
        return new Centroid(Arrays.copyOf(keys, n[0]), Arrays.copyOf(weights, n[0]), Arrays.copyOf(values, n[0]),
                norm2[0]);
    }

    /** Cosine between a storyline's centroid and another storyline's (computed alike, only when they share a term). */
    private double storylineCosine(Centroid a, StorylineState b, EventState event) {
        double dot = 0;
        for (int i = 0; i < a.keys.length; i++) {
            int other = b.terms.get(a.keys[i]);
            if (other > 0) {
                dot += a.values[i] * a.weights[i] * other / b.posts;
            }
        }
        if (dot <= 0) {
            return 0;
        }
        double[] norm2 = {0};
        b.terms.forEach((key, count) -> {
            if (event.terms.get(key) > 0) {
                double y = Math.max(0, stats.idf(key) - s.cosineIdfOffset()) * count / b.posts;
                norm2[0] += y * y;
            }
        });
        return dot / Math.sqrt(a.norm2 * norm2[0]);
    }

    private void absorb(StorylineState small, StorylineState large, EventState event) {
        small.terms.forEach((key, count) -> large.terms.add(key, count));
        if (large.terms.size() > s.maxStorylineTerms() * PRUNE_SLACK) {
            large.terms.pruneTo(s.maxStorylineTerms());
        }
        large.posts += small.posts;
        large.lastAt = Math.max(large.lastAt, small.lastAt);
        large.hasImage |= small.hasImage;
        StorylineState into = large;
        small.voices.forEach((voice, unused) -> {
            if (into.corroboration() < s.maxVoices() && into.voices.get(voice) == 0) {
                into.voices.add(voice, 1);
            }
        });
        large.frozenVoices += small.frozenVoices;
        large.labelPosts = -1;
        large.absorb(small);
        event.storylines.remove(small);
    }

    // ---- updating state ----

    private void add(EventState event, StorylineState storyline, PostEvidence post, Prepared p, long at,
            CopyCluster cluster) {
        event.posts++;
        event.firstAt = Math.min(event.firstAt, at);
        event.lastAt = Math.max(event.lastAt, at);
        touch(event);
        int analysed = p.features.size();
        TermKind[] termKinds = p.features.kinds();
        for (int i = 0; i < p.terms.length; i++) {
            if (i < analysed && kindWeight(termKinds[i]) == 0) {
                continue; // a kind that carries no weight (function words) is no part of what an event is about
            }
            int count = event.terms.add(p.terms[i], 1);
            if (i < analysed) {
                double w = Math.max(0, p.idf[i] - s.cosineIdfOffset());
                event.norm2 += w * w * (2 * count - 1);
            }
            if (p.idf[i] >= s.minIndexIdf()) {
                indexKey(event, p.terms[i]);
            }
        }
        if (p.hasPlace) {
            event.latSum += p.lat;
            event.lonSum += p.lon;
            event.geoPosts++;
        }
        if (p.placeName != null && (event.placeNames.size() < s.titleTerms() * 2 || event.placeNames.containsKey(p.placeName))) {
            event.placeNames.merge(p.placeName, 1, Integer::sum);
        }
        if (event.terms.size() > s.maxEventTerms() * PRUNE_SLACK) {
            pruneEvent(event);
        }

        storyline.posts++;
        storyline.lastAt = Math.max(storyline.lastAt, at);
        storyline.hasImage |= !post.media().isEmpty();
        TermKind[] kinds = p.features.kinds();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != TermKind.AUTHOR) {
                storyline.terms.add(p.terms[i], 1);
            }
        }
        if (storyline.terms.size() > s.maxStorylineTerms() * PRUNE_SLACK) {
            storyline.terms.pruneTo(s.maxStorylineTerms());
        }
        long voice = p.author != 0 ? p.author : Hashing.term('p', post.postId());
        if (cluster != null) {
            voice = cluster.voice;
        } else if (p.features.normalizedLength() >= s.minCopyPasteChars()) {
            cluster = new CopyCluster(post.postId(), at, voice);
        }
        if (storyline.corroboration() < s.maxVoices() && storyline.voices.get(voice) == 0) {
            storyline.voices.add(voice, 1);
        }
        if (cluster != null) {
            if (p.author != 0) {
                cluster.addAuthor(p.author, s.maxVoices());
            }
            texts.add(p.features.simHash(), new TextSighting(storyline, cluster, post.postId(), at));
        }

        for (int i = 0; i < post.media().size(); i++) {
            PostEvidence.Media m = post.media().get(i);
            if (m.sha256() != null && !images.contains(m.sha256())) {
                images.put(m.sha256(), storyline.serial, at, post.postId());
                if (p.mediaHasHash[i] && p.sightings[i] == null) {
                    images.addSimilar(p.mediaHashes[i], storyline.serial, at, post.postId());
                }
            }
        }
        if (post.externalId() != null) {
            int entry = replyTargets.put(replyHash(post.platform(), post.externalId()),
                    replyCheck(post.platform(), post.externalId()));
            if (entry >= 0) {
                replyStorylines[entry] = storyline.serial;
            }
        }
        stats.addDocument(p.features.terms());
    }

    private void pruneEvent(EventState event) {
        event.terms.pruneTo(s.maxEventTerms());
        event.normPosts = -1;
        LongIntMap kept = new LongIntMap();
        EventState e = event;
        event.indexedKeys.forEach((key, unused) -> {
            if (e.terms.get(key) > 0) {
                kept.add(key, 1);
            } else {
                PostingList list = index.get(key);
                if (list != null) {
                    list.remove(e.slot);
                    if (list.size() == 0) {
                        index.remove(key);
                    }
                }
            }
        });
        event.indexedKeys = kept;
    }

    private void indexKey(EventState event, long key) {
        PostingList list = index.get(key);
        if (list == null) {
            list = new PostingList(s.postingListSize());
            index.put(key, list);
        }
        list.add(slotOf(event));
        if (event.indexedKeys.get(key) == 0) {
            event.indexedKeys.add(key, 1);
        }
    }

    private void unindex(EventState event) {
        event.indexedKeys.forEach((key, unused) -> {
            PostingList list = index.get(key);
            if (list != null) {
                list.remove(event.slot);
                if (list.size() == 0) {
                    index.remove(key);
                }
            }
        });
        event.indexedKeys = new LongIntMap();
        releaseSlot(event);
    }

    /** The event's hot slot, taking a free one (or a new one) when it has none. */
    private int slotOf(EventState event) {
        if (event.slot >= 0) {
            return event.slot;
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            slot = usedSlots++;
            if (slot == slotEvents.length) {
                slotEvents = Arrays.copyOf(slotEvents, slot * 2);
                hitEpochs = Arrays.copyOf(hitEpochs, slot * 2);
                hitWeights = Arrays.copyOf(hitWeights, slot * 2);
            }
        }
        slotEvents[slot] = event;
        hitEpochs[slot] = 0;
        event.slot = slot;
        return slot;
    }

    /** Frees the slot of an event that has left the candidate index (so no posting list holds it). */
    private void releaseSlot(EventState event) {
        if (event.slot < 0) {
            return;
        }
        slotEvents[event.slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = event.slot;
        event.slot = -1;
    }

    private EventState newEvent(long at) {
        EventState event = new EventState(ids.get(), at);
        event.hot = true;
        hot.put(event.id, event);
        known.put(event.id, event);
        return event;
    }

    private void wake(EventState event) {
        event.hot = true;
        hot.put(event.id, event);
        known.put(event.id, event);
        EventState e = event;
        event.terms.forEach((key, count) -> {
            if (stats.idf(key) >= s.minIndexIdf()) {
                indexKey(e, key);
            }
        });
    }

    /**
     * Shrinks a quiet event to what can still wake or explain it: its most frequent terms and each storyline's few
     * strongest, so that the many quiet events still referenced by the image, text and reply indexes cost little.
     */
    private void compact(EventState event) {
        event.terms.pruneTo(s.coldEventTerms());
        event.normPosts = -1;
        for (StorylineState storyline : event.storylines) {
            if (storyline.terms.size() > s.coldStorylineTerms()) {
                storyline.terms.pruneTo(s.coldStorylineTerms());
            }
            // pruning keeps a table sized for what it keeps: a small storyline's table is rebuilt to its size
            LongIntMap kept = new LongIntMap();
            storyline.terms.forEach(kept::add);
            storyline.terms = kept;
            storyline.frozenVoices += storyline.voices.size();
            storyline.voices = new LongIntMap();
        }
    }

    private void touch(EventState event) {
        // access order: the lookup moves the event to the most recently active end
        if (hot.get(event.id) == null) {
            hot.put(event.id, event);
        }
        known.get(event.id);
    }

    /** Moves stream time forward and lets quiet events leave the hot set. */
    private void advance(long at) {
        now = Math.max(now, at);
        long quietBefore = now - (long) (s.hotWindowHours() * HOUR_MILLIS);
        Iterator<EventState> it = hot.values().iterator();
        while (it.hasNext()) {
            EventState oldest = it.next();
            if (oldest.lastAt >= quietBefore && hot.size() <= s.maxHotEvents()) {
                break;
            }
            it.remove();
            unindex(oldest);
            oldest.hot = false;
            compact(oldest);
            if (!known.containsKey(oldest.id)) {
                forget(oldest);
            }
        }
    }

    // ---- explanations and signals ----

    private void explain(Candidate target, Prepared p, long at, List<String> reasons) {
        if (target.strength > 0) {
            reasons.add(target.strongReason);
        }
        EventState e = target.event;
        List<Integer> shared = new ArrayList<>();
        TermKind[] kinds = p.features.kinds();
        for (int i = 0; i < kinds.length; i++) {
            // a join on the event's own name shares only terms too common to weigh in coverage
            double[] w = target.byName ? p.cosWeights : p.weights;
            if (kinds[i] != TermKind.AUTHOR && w[i] > 0 && e.terms.get(p.terms[i]) > 0) {
                shared.add(i);
            }
        }
        double[] order = target.byName ? p.cosWeights : p.weights;
        shared.sort((a, b) -> Double.compare(order[b], order[a]));
        StringBuilder sb = new StringBuilder();
        if (target.distanceKm >= 0) {
            sb.append(Math.round(target.distanceKm)).append(" km, ");
        }
        if (at < e.firstAt) {
            sb.append(duration(e.firstAt - at)).append(" before its first post");
        } else {
            sb.append(duration(Math.max(0, at - e.lastAt))).append(" after its last post");
        }
        if (!shared.isEmpty()) {
            sb.append(", shared terms ");
            for (int k = 0; k < Math.min(REASON_TERMS, shared.size()); k++) {
                sb.append(k == 0 ? "" : ", ").append(p.features.surfaces()[shared.get(k)]);
            }
        }
        sb.append(target.byName ? " (its words are this event's main words: centroid cosine " : " (score ")
                .append(fixed2(target.score)).append(')');
        reasons.add(sb.toString());
    }

    private void mediaSignals(PostEvidence post, Prepared p, long at, EventState event, List<Signal> signals) {
        for (int i = 0; i < post.media().size(); i++) {
            PostEvidence.Media m = post.media().get(i);
            ImageSighting sighting = p.sightings[i];
            if (sighting != null) {
                EventState first = sighting.firstEvent();
                if (first == null || first.resolve() != event) {
                    signals.add(new Signal(Signal.RECYCLED_MEDIA, "image first seen " + duration(at - sighting.firstAt)
                            + " earlier in another event, post " + sighting.firstPostId, sighting.firstPostId));
                } else if (at - sighting.firstAt > s.recycledMediaAgeHours() * HOUR_MILLIS) {
                    signals.add(new Signal(Signal.RECYCLED_MEDIA, "image first posted " + duration(at - sighting.firstAt)
                            + " earlier, post " + sighting.firstPostId, sighting.firstPostId));
                }
            }
            if (m.takenAt() != null && at - m.takenAt().toEpochMilli() > s.timeMismatchHours() * HOUR_MILLIS) {
                signals.add(new Signal(Signal.TIME_MISMATCH, "image taken " + duration(at - m.takenAt().toEpochMilli())
                        + " before the post (EXIF " + m.takenAt() + ")", null));
            }
            if (m.gpsLat() != null && m.gpsLon() != null && p.hasPlace) {
                double d = distanceKm(m.gpsLat(), m.gpsLon(), p.lat, p.lon);
                if (d > s.locationMismatchKm() + p.radiusKm) {
                    signals.add(new Signal(Signal.LOCATION_MISMATCH, String.format(Locale.ROOT,
                            "image GPS is %.0f km from the claimed place%s", d,
                            p.placeName == null ? "" : " (" + p.placeName + ")"), null));
                }
            }
        }
    }

    private String title(EventState e) {
        if (!stale(e.titlePosts, e.posts, e.title)) {
            return e.title;
        }
        String terms = topTerms(e.terms, null, e.posts);
        String place = e.topPlaceName();
        e.title = place == null ? terms : terms.isEmpty() ? place : place + ": " + terms;
        e.titlePosts = e.posts;
        return e.title;
    }

    private String label(StorylineState st) {
        if (!stale(st.labelPosts, st.posts, st.label)) {
            return st.label;
        }
        st.label = topTerms(st.terms, st.event, st.posts);
        st.labelPosts = st.posts;
        return st.label;
    }

    /**
     * Whether a title computed at {@code computedAt} posts is due again: always while small, then after a quarter more
     * posts (at least {@link #TITLE_EVERY}), so a large event's title costs nearly nothing per post yet stays current.
     */
    private static boolean stale(int computedAt, int posts, String current) {
        if (computedAt == posts) {
            return false;
        }
        return computedAt < 0 || current != null && current.isEmpty() || posts <= TITLE_ALWAYS_BELOW
                || posts - computedAt >= Math.max(TITLE_EVERY, computedAt / 4);
    }

    /** The most frequent informative terms, each discounted by how common it is in {@code within} (the event). */
    private String topTerms(LongIntMap terms, EventState within, int posts) {
        int want = s.titleTerms() * 2;
        long[] bestKeys = new long[want];
        double[] bestScores = new double[want];
        int[] filled = {0};
        // a term only one post of several carries is not what the event or storyline is about
        int minCount = posts >= TITLE_ALWAYS_BELOW / 2 ? 2 : 1;
        terms.forEach((key, count) -> {
            if (count < minCount) {
                return;
            }
            double share = count / (double) Math.max(1, posts);
            if (within != null && within.posts > 0) {
                share -= 0.5 * within.terms.get(key) / (double) within.posts;
            }
            // a term without a spelling is never picked: checked before the IDF, a sketch lookup of three cache misses
            if (share <= 0 || filled[0] == want && share * MAX_TITLE_IDF <= bestScores[want - 1]
                    || !dictionary.containsKey(key)) {
                return;
            }
            double score = share * Math.max(0, stats.idf(key) - s.idfOffset());
            if (score <= 0 || filled[0] == want && score <= bestScores[want - 1]) {
                return;
            }
            int k = filled[0] < want ? filled[0]++ : want - 1;
            while (k > 0 && bestScores[k - 1] < score) {
                bestScores[k] = bestScores[k - 1];
                bestKeys[k] = bestKeys[k - 1];
                k--;
            }
            bestScores[k] = score;
            bestKeys[k] = key;
        });
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < filled[0] && picked.size() < s.titleTerms(); i++) {
            String surface = dictionary.get(bestKeys[i]);
            if (surface == null) {
                continue;
            }
            String bare = surface.startsWith("#") ? surface.substring(1).toLowerCase(Locale.ROOT) : surface;
            boolean duplicate = false;
            for (String other : picked) {
                String otherBare = other.startsWith("#") ? other.substring(1).toLowerCase(Locale.ROOT) : other;
                duplicate |= otherBare.equals(bare);
            }
            if (!duplicate) {
                picked.add(surface);
            }
        }
        return String.join(", ", picked);
    }

    // ---- small helpers ----

    /** A 64-bit hash of platform:externalId (FNV-1a, mixed), without building the string. */
    private static long replyHash(String platform, String externalId) {
        long h = 0xcbf29ce484222325L;
        String prefix = platform == null ? "" : platform;
        for (int i = 0; i < prefix.length(); i++) {
            h = (h ^ prefix.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ ':') * 0x100000001b3L;
        for (int i = 0; i < externalId.length(); i++) {
            h = (h ^ externalId.charAt(i)) * 0x100000001b3L;
        }
        return Hashing.mix(h);
    }

    /** A second, independent hash of platform:externalId (String.hashCode's), checked with {@link #replyHash}. */
    private static int replyCheck(String platform, String externalId) {
        String prefix = platform == null ? "" : platform;
        int h = prefix.hashCode();
        h = 31 * h + ':';
        for (int i = 0; i < externalId.length(); i++) {
            h = 31 * h + externalId.charAt(i);
        }
        return h;
    }

    /** A new storyline, numbered and registered so that the image and reply indexes can name it. */
    private StorylineState newStoryline(String id, EventState event) {
        StorylineState storyline = new StorylineState(id, event);
        storyline.serial = ++lastSerial;
        storylinesBySerial.put(storyline.serial, storyline);
        return storyline;
    }

    /** The registered storyline of that number, or null once its event is forgotten. */
    private StorylineState storylineBySerial(long serial) {
        return storylinesBySerial.get(serial);
    }

    /**
     * Drops the storylines of an event that is neither hot nor known any more (it cannot come back: {@link #remembered}
     * is false for them from now on), so that nothing keeps it in memory.
     */
    private void forget(EventState event) {
        for (StorylineState storyline : event.storylines) {
            unregister(storyline);
        }
    }

    private void unregister(StorylineState storyline) {
        storylinesBySerial.remove(storyline.serial);
        if (storyline.absorbed != null) {
            for (StorylineState absorbed : storyline.absorbed) {
                unregister(absorbed);
            }
        }
    }

    private int cellX(double lon) {
        return (int) Math.floor(lon / s.placeCellDegrees());
    }

    private int cellY(double lat) {
        return (int) Math.floor(lat / s.placeCellDegrees());
    }

    private static long cellKey(int x, int y) {
        return Hashing.term(TermKind.PLACE_CELL.prefix(), x + "," + y);
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A non-negative number with two decimals, as String.format("%.2f") would print it but without its cost per post. */
    static String fixed2(double v) {
        long hundredths = Math.round(v * 100);
        long rest = hundredths % 100;
        return (hundredths / 100) + (rest < 10 ? ".0" : ".") + rest;
    }

    static String duration(long millis) {
        long minutes = millis / MINUTE_MILLIS;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " days";
    }

    /** Per-post working values. */
    private static final class Prepared {
        TextFeatures features;
        long[] terms;
        double[] idf;
        double[] weights;
        double[] cosWeights;
        double totalWeight;
        double norm2;
        long author;
        boolean hasPlace;
        double lat;
        double lon;
        double radiusKm;
        String placeName;
        long[] cellKeys;
        long[] mediaHashes;
        boolean[] mediaHasHash;
        ImageSighting[] sightings;
        int[] sightingDistance;
        boolean newImage;
        TextSighting duplicate;
    }

    /** One event considered for a post. */
    static final class Candidate {
        final EventState event;
        int strength;
        StorylineState strongStoryline;
        String strongReason;
        double textScore;
        double timeFactor;
        double distanceKm = -1;
        double score;
        /** Chosen by {@link GroupingEngine#joinByName}: its centroid matches a post that shares no rare term with it. */
        boolean byName;

        Candidate(EventState event) {
            this.event = event;
        }
    }

    private record StorylineChoice(StorylineState storyline, String reason) {
    }
}
