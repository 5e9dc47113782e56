// The event page: storylines side by side as lanes, post cards, live updates behind an "N new posts" bar,
// filters and search. User text only ever goes in through textContent; links only for http(s).
'use strict';
import {
  el, textEl, safeHref, mediaUrl, fmtTime, fmtSpan, placeName, activityChart, signalChips, getJson
} from './common.js';

const PAGE_SIZE = 20;
const KNOWN_SIGNALS = ['recycled-media', 'location-mismatch', 'time-mismatch', 'copy-paste', 'first-report'];
const eventId = decodeURIComponent(window.location.pathname.split('/')[2] || '');
const summary = document.getElementById('summary');
const lanesBox = document.getElementById('lanes');
const bar = document.getElementById('new-posts');
const statusLine = document.getElementById('status');
const notice = document.getElementById('merged-notice');
const filters = { q: document.getElementById('q'), signal: document.getElementById('signal'),
  lang: document.getElementById('lang') };
const lanes = new Map();
const shownPosts = new Set();
let event = null;
let pending = [];

function filterParams() {
  const params = new URLSearchParams();
  ['q', 'signal', 'lang'].forEach(key => { if (filters[key].value) { params.set(key, filters[key].value); } });
  return params;
}

function filtering() {
  return filterParams().toString().length > 0;
}

function renderSummary() {
  summary.replaceChildren();
  const title = textEl('h1', 'event-title', event.title || 'Untitled event');
  document.title = 'Claimline — ' + (event.title || 'event');
  summary.appendChild(title);
  summary.appendChild(textEl('div', 'event-place', placeName(event.place)));
  summary.appendChild(el('div', 'meta', fmtSpan(event.firstPostAt, event.lastPostAt) + ' · ' + event.status));
  summary.appendChild(el('div', 'counts', event.postCount + ' posts · ' + event.authorCount + ' authors · '
      + event.storylineCount + ' storylines'));
  summary.appendChild(signalChips(event.signals));
  const chart = el('div', 'event-chart');
  chart.appendChild(activityChart(event.activity, 640, 70, 'Posts over time; dots mark peaks'));
  summary.appendChild(chart);
}

function laneHeader(lane, storyline) {
  lane.head.replaceChildren();
  lane.head.appendChild(textEl('h2', 'lane-label', storyline.label || 'Storyline'));
  lane.head.appendChild(el('div', 'meta first-report', 'First report ' + fmtTime(storyline.firstPostAt)));
  lane.head.appendChild(el('div', 'counts', storyline.postCount + ' posts · ' + storyline.authorCount
      + ' authors · corroboration ' + storyline.corroboration));
  lane.head.appendChild(signalChips(storyline.signals));
  if (storyline.activity) {
    lane.head.appendChild(activityChart(storyline.activity, 280, 36, 'Posts of this storyline over time'));
  }
}

function ensureLane(storyline) {
  let lane = lanes.get(storyline.id);
  if (!lane) {
    const box = el('section', 'lane');
    box.dataset.storylineId = storyline.id;
    const head = el('header', 'lane-head');
    const posts = el('ol', 'lane-posts');
    const more = el('button', 'more', 'Older posts');
    more.type = 'button';
    more.hidden = true;
    box.append(head, posts, more);
    lanesBox.appendChild(box);
    lane = { box, head, posts, more, cursor: null, storyline };
    more.addEventListener('click', () => loadLane(lane, false));
    lanes.set(storyline.id, lane);
  }
  lane.storyline = Object.assign({}, lane.storyline, storyline);
  laneHeader(lane, lane.storyline);
  return lane;
}

function postCard(post) {
  const card = el('li', 'post-card');
  card.dataset.postId = post.id;
  const head = el('div', 'post-head');
  const author = post.author || {};
  head.appendChild(textEl('span', 'author', author.displayName || author.handle || 'unknown author'));
  if (author.handle && author.displayName) { head.appendChild(textEl('span', 'handle', author.handle)); }
  head.appendChild(el('span', 'claimed', 'claimed'));
  card.appendChild(head);
  const meta = el('div', 'meta');
  meta.appendChild(el('time', 'posted', fmtTime(post.postedAt)));
  const place = placeName(post.place);
  if (place) { meta.appendChild(textEl('span', 'place', ' · ' + place)); }
  if (post.platform) { meta.appendChild(textEl('span', 'platform', ' · ' + post.platform)); }
  card.appendChild(meta);
  card.appendChild(textEl('p', 'post-text', post.text || '', post.lang));
  const media = Array.isArray(post.media) ? post.media : [];
  if (media.length) {
    const thumbs = el('div', 'thumbs');
    media.forEach(m => {
      const thumb = mediaUrl(m && m.sha256, true);
      if (!thumb) { return; }
      const img = el('img', 'thumb');
      img.src = thumb;
      img.alt = 'image attached to the post';
      img.loading = 'lazy';
      img.addEventListener('click', () => openViewer(mediaUrl(m.sha256, false)));
      thumbs.appendChild(img);
    });
    card.appendChild(thumbs);
  }
  const signals = Array.isArray(post.signals) ? post.signals : [];
  if (signals.length) {
    const box = el('ul', 'post-signals');
    signals.forEach(s => {
      const item = el('li', 'signal');
      item.appendChild(el('span', 'badge signal-' + String(s.type).replace(/[^a-z0-9-]/gi, ''), s.type));
      item.appendChild(textEl('span', 'reason', s.reason || ''));
      box.appendChild(item);
    });
    card.appendChild(box);
  }
  const reasons = Array.isArray(post.reasons) ? post.reasons : [];
  if (reasons.length) {
    const why = el('details', 'why');
    why.appendChild(el('summary', null, 'Why placed here'));
    const list = el('ul');
    reasons.forEach(r => list.appendChild(textEl('li', null, r)));
    why.appendChild(list);
    card.appendChild(why);
  }
  const href = safeHref(post.url);
  if (href) {
    const link = el('a', 'source', 'Open source post');
    link.href = href;
    link.rel = 'noopener noreferrer nofollow';
    link.target = '_blank';
    card.appendChild(link);
  } else if (post.url) {
    card.appendChild(textEl('span', 'source unlinked', post.url));
  }
  return card;
}

async function loadLane(lane, fresh) {
  const params = filterParams();
  params.set('storyline', lane.storyline.id);
  params.set('limit', String(PAGE_SIZE));
  if (!fresh && lane.cursor) { params.set('cursor', lane.cursor); }
  const page = await getJson('/api/v1/events/' + encodeURIComponent(eventId) + '/posts?' + params);
  if (fresh) { lane.posts.replaceChildren(); }
  page.items.forEach(post => {
    shownPosts.add(post.id);
    lane.posts.appendChild(postCard(post));
  });
  lane.cursor = page.nextCursor || null;
  lane.more.hidden = !lane.cursor;
}

function updateBar() {
  bar.hidden = pending.length === 0;
  bar.textContent = pending.length === 1 ? '1 new post' : pending.length + ' new posts';
}

function showPending() {
  const batch = pending;
  pending = [];
  updateBar();
  if (filtering()) { reloadLanes(); return; }
  batch.forEach(change => {
    if (shownPosts.has(change.post.id)) {
      const old = lanesBox.querySelector('[data-post-id="' + CSS.escape(change.post.id) + '"]');
      if (old) { old.remove(); }
    }
    const lane = ensureLane(change.storyline || { id: '', label: 'Unassigned' });
    shownPosts.add(change.post.id);
    lane.posts.prepend(postCard(Object.assign({ storylineId: lane.storyline.id }, change.post)));
  });
}

function apply(change) {
  if (change.kind === 'EVENTS_MERGED' && change.merged && change.merged.fromEventId === eventId) {
    notice.replaceChildren();
    notice.appendChild(el('span', null, 'This event was merged into '));
    const link = el('a', null, 'another event');
    link.href = '/events/' + encodeURIComponent(change.merged.intoEventId);
    notice.appendChild(link);
    notice.hidden = false;
    return;
  }
  if (change.event && change.event.id === eventId) {
    ['title', 'place', 'firstPostAt', 'lastPostAt', 'postCount', 'authorCount', 'storylineCount', 'status']
        .forEach(key => { if (change.event[key] !== undefined) { event[key] = change.event[key]; } });
    renderSummary();
  }
  if (change.storyline) { ensureLane(change.storyline); }
  if (change.kind === 'POST_PLACED' && change.post) {
    pending.push(change);
    updateBar();
  }
  if (change.kind === 'STORYLINES_MERGED' && change.storylinesMerged) {
    // the absorbed storyline's lane goes; its posts now show in the surviving lane
    const gone = lanes.get(change.storylinesMerged.fromStorylineId);
    if (gone) {
      gone.box.remove();
      lanes.delete(change.storylinesMerged.fromStorylineId);
    }
    const survivor = lanes.get(change.storylinesMerged.intoStorylineId);
    if (survivor) { loadLane(survivor, true); }
  }
  if (change.kind === 'EVENTS_MERGED') { reloadAll(); }
}

async function reloadLanes() {
  await Promise.all(Array.from(lanes.values()).map(lane => loadLane(lane, true)));
}

async function reloadAll() {
  event = await getJson('/api/v1/events/' + encodeURIComponent(eventId));
  renderSummary();
  (event.storylines || []).forEach(ensureLane);
  await reloadLanes();
}

function openViewer(url) {
  if (!url) { return; }
  document.getElementById('viewer-img').src = url;
  document.getElementById('viewer').hidden = false;
}

function start() {
  KNOWN_SIGNALS.forEach(type => {
    const option = el('option', null, type);
    option.value = type;
    filters.signal.appendChild(option);
  });
  document.getElementById('viewer-close').addEventListener('click', () => {
    document.getElementById('viewer').hidden = true;
  });
  document.getElementById('filters').addEventListener('submit', e => { e.preventDefault(); reloadLanes(); });
  document.getElementById('clear').addEventListener('click', () => {
    filters.q.value = ''; filters.signal.value = ''; filters.lang.value = '';
    reloadLanes();
  });
  bar.addEventListener('click', showPending);
  reloadAll().then(() => {
    const stream = new EventSource('/api/v1/events/' + encodeURIComponent(eventId) + '/stream');
    stream.onopen = () => { statusLine.textContent = 'live'; statusLine.className = 'status live'; };
    stream.onerror = () => { statusLine.textContent = 'reconnecting…'; statusLine.className = 'status'; };
    stream.onmessage = message => apply(JSON.parse(message.data));
    // the server no longer holds the changes since this page last heard: what it shows is reloaded
    stream.addEventListener('reset', () => reloadAll());
  }).catch(e => {
    summary.replaceChildren(el('h1', 'event-title', e.status === 404 ? 'No such event' : 'Could not load the event'));
    statusLine.textContent = e.message;
  });
}

start();
