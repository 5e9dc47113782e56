// The live board: loads events, then follows /api/v1/stream. All user text goes in through textContent only.
'use strict';
(function () {
  const eventsList = document.getElementById('events');
  const postsList = document.getElementById('posts');
  const statusLine = document.getElementById('status');
  const eventItems = new Map();
  const MAX_POSTS = 100;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function renderEvent(event) {
    let item = eventItems.get(event.id);
    if (!item) {
      item = el('li', 'event');
      item.dataset.eventId = event.id;
      eventItems.set(event.id, item);
    }
    item.replaceChildren();
    const title = el('a', 'title', event.title || event.id);
    title.href = '/events/' + encodeURIComponent(event.id);
    title.dir = 'auto';
    item.appendChild(title);
    const place = event.place && event.place.name ? event.place.name : '';
    const meta = el('div', 'meta', (event.postCount || 0) + ' posts · ' + (event.authorCount || 0) + ' authors · '
        + (event.storylineCount || 0) + ' storylines' + (place ? ' · ' + place : ''));
    meta.dir = 'auto';
    item.appendChild(meta);
    eventsList.prepend(item);
  }

  function renderPost(change) {
    const post = change.post;
    const item = el('li', 'post');
    item.dataset.postId = post.id;
    const author = post.author ? (post.author.displayName || post.author.handle || '') : '';
    const meta = el('div', 'meta', author + (post.postedAt ? ' · ' + post.postedAt : ''));
    meta.dir = 'auto';
    const text = el('p', 'text', post.text || '');
    text.dir = 'auto';
    item.append(meta, text);
    postsList.prepend(item);
    while (postsList.children.length > MAX_POSTS) { postsList.lastElementChild.remove(); }
  }

  fetch('/api/v1/events?limit=50').then(r => r.json()).then(page => {
    page.items.slice().reverse().forEach(renderEvent);
  });

  const stream = new EventSource('/api/v1/stream');
  stream.onopen = () => { statusLine.textContent = 'live'; };
  stream.onerror = () => { statusLine.textContent = 'reconnecting…'; };
  stream.onmessage = (message) => {
    const change = JSON.parse(message.data);
    if (change.event) { renderEvent(change.event); }
    if (change.kind === 'POST_PLACED' && change.post) { renderPost(change); }
  };
})();
