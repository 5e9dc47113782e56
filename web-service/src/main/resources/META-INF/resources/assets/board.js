// The live board: events newest activity first, with counts, place, storylines and activity; follows
// /api/v1/stream and updates in place. User text only ever goes in through textContent.
'use strict';
import { el, textEl, fmtSpan, placeName, activityChart, signalChips, getJson } from './common.js';

const list = document.getElementById('events');
const statusLine = document.getElementById('status');
const search = document.getElementById('search');
const cards = new Map();
const details = new Map();
const fetching = new Set();

function matches(event) {
  const q = search.value.trim().toLowerCase();
  if (!q) { return true; }
  const storylines = (event.storylines || []).map(s => s.label || '').join(' ');
  return [event.title, placeName(event.place), storylines].join(' ').toLowerCase().includes(q);
}

function render(event) {
  details.set(event.id, event);
  let card = cards.get(event.id);
  if (!card) {
    card = el('li', 'event-card');
    card.dataset.eventId = event.id;
    cards.set(event.id, card);
  }
  card.replaceChildren();
  const head = el('div', 'event-head');
  const title = textEl('a', 'event-title', event.title || 'Untitled event');
  title.href = '/events/' + encodeURIComponent(event.id);
  head.append(title, el('span', 'status-pill status-' + String(event.status).replace(/[^a-z]/g, ''), event.status));
  card.appendChild(head);
  card.appendChild(textEl('div', 'event-place', placeName(event.place)));
  card.appendChild(el('div', 'meta', fmtSpan(event.firstPostAt, event.lastPostAt)));
  card.appendChild(el('div', 'counts', event.postCount + ' posts · ' + event.authorCount + ' authors · '
      + event.storylineCount + ' storylines'));
  const stories = el('ul', 'storyline-chips');
  (event.storylines || []).forEach(s => {
    const chip = textEl('li', 'chip', (s.label || 'storyline') + ' (' + s.postCount + ')');
    chip.dataset.storylineId = s.id;
    stories.appendChild(chip);
  });
  card.appendChild(stories);
  card.appendChild(signalChips(event.signals));
  card.appendChild(activityChart(event.activity, 280, 40, 'Posts over time'));
  card.hidden = !matches(event);
  return card;
}

function placeOnTop(card) {
  if (list.firstElementChild !== card) { list.prepend(card); }
}

async function load() {
  const page = await getJson('/api/v1/events?limit=100');
  list.replaceChildren();
  page.items.forEach(event => list.appendChild(render(event)));
}

async function fetchNew(eventId) {
  if (fetching.has(eventId)) { return; }
  fetching.add(eventId);
  try {
    placeOnTop(render(await getJson('/api/v1/events/' + encodeURIComponent(eventId))));
  } catch (e) {
    // a merged-away or not yet readable event: the next change brings it
  } finally {
    fetching.delete(eventId);
  }
}

function apply(change) {
  if (change.kind === 'EVENTS_MERGED' && change.merged) {
    const gone = cards.get(change.merged.fromEventId);
    if (gone) { gone.remove(); cards.delete(change.merged.fromEventId); }
  }
  const id = change.eventId;
  const known = details.get(id);
  if (!known) { fetchNew(id); return; }
  const event = Object.assign({}, known);
  if (change.event) {
    ['title', 'place', 'firstPostAt', 'lastPostAt', 'postCount', 'authorCount', 'storylineCount', 'status']
        .forEach(key => { if (change.event[key] !== undefined) { event[key] = change.event[key]; } });
  }
  if (change.storyline) {
    const storylines = (event.storylines || []).filter(s => s.id !== change.storyline.id);
    storylines.push(change.storyline);
    event.storylines = storylines;
  }
  if (change.kind === 'POST_PLACED' && change.post && event.activity && event.activity.bars
      && event.activity.bars.length) {
    const bars = event.activity.bars;
    const last = bars[bars.length - 1];
    const at = new Date(change.post.postedAt || change.occurredAt).getTime();
    const start = new Date(last.at).getTime();
    if (at >= start && at < start + event.activity.barSeconds * 1000) { last.posts += 1; }
  }
  placeOnTop(render(event));
}

search.addEventListener('input', () => details.forEach((event, id) => { cards.get(id).hidden = !matches(event); }));

load().then(() => {
  const stream = new EventSource('/api/v1/stream');
  stream.onopen = () => { statusLine.textContent = 'live'; statusLine.className = 'status live'; };
  stream.onerror = () => { statusLine.textContent = 'reconnecting…'; statusLine.className = 'status'; };
  stream.onmessage = (message) => apply(JSON.parse(message.data));
  // the server no longer holds the changes since this page last heard: what it shows is reloaded
  stream.addEventListener('reset', () => load());
}).catch(e => { statusLine.textContent = 'could not load events: ' + e.message; });
