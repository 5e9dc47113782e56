// Shared helpers of the pages. Every piece of user text enters the DOM through textContent or a checked
// attribute; nothing is ever parsed as HTML.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SHA256 = /^[0-9a-f]{64}$/;
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  return node;
}

/** A text element that finds its own direction (Arabic shows right to left). */
export function textEl(tag, className, text, lang) {
  const node = el(tag, className, text);
  node.dir = 'auto';
  if (lang && LANG.test(lang)) { node.lang = lang; }
  return node;
}

/** The URL when it is http(s), otherwise null: javascript:, data: and the like never become links. */
export function safeHref(url) {
  if (typeof url !== 'string' || url.length === 0) { return null; }
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

export function mediaUrl(sha256, thumbnail) {
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) { return null; }
  return '/media/' + sha256 + (thumbnail ? '/thumbnail' : '');
}

export function fmtTime(iso) {
  if (!iso) { return ''; }
  const date = new Date(iso);
  if (isNaN(date.getTime())) { return ''; }
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function fmtSpan(first, last) {
  if (!first) { return ''; }
  return fmtTime(first) + (last && last !== first ? ' – ' + fmtTime(last) : '');
}

export function placeName(place) {
  if (!place) { return ''; }
  if (place.name) { return place.name; }
  if (typeof place.lat === 'number' && typeof place.lon === 'number') {
    return place.lat.toFixed(3) + ', ' + place.lon.toFixed(3);
  }
  return '';
}

/** A small bar chart of an activity histogram as SVG; peak bars are marked. */
export function activityChart(activity, width, height, label) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  svg.setAttribute('role', 'img');
  const bars = activity && Array.isArray(activity.bars) ? activity.bars : [];
  const max = bars.reduce((m, b) => Math.max(m, b.posts), 0);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = (label || 'Activity') + (bars.length ? '' : ': no posts yet');
  svg.appendChild(title);
  if (!bars.length || max === 0) { return svg; }
  const step = width / bars.length;
  bars.forEach((bar, i) => {
    const h = Math.max(bar.posts > 0 ? 1 : 0, Math.round((bar.posts / max) * (height - 6)));
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', String(i * step + 0.5));
    rect.setAttribute('y', String(height - h));
    rect.setAttribute('width', String(Math.max(1, step - 1)));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', bar.peak ? 'bar peak' : 'bar');
    const tip = document.createElementNS(SVG_NS, 'title');
    tip.textContent = fmtTime(bar.at) + ': ' + bar.posts + ' posts' + (bar.peak ? ' (peak)' : '');
    rect.appendChild(tip);
    svg.appendChild(rect);
    if (bar.peak) {
      const mark = document.createElementNS(SVG_NS, 'circle');
      mark.setAttribute('cx', String(i * step + step / 2));
      mark.setAttribute('cy', String(Math.max(3, height - h - 4)));
      mark.setAttribute('r', '2.5');
      mark.setAttribute('class', 'peak-mark');
      svg.appendChild(mark);
    }
  });
  return svg;
}

/** Chips of signal counts ({type: posts}). */
export function signalChips(signals) {
  const box = el('div', 'signals');
  Object.keys(signals || {}).forEach(type => {
    const chip = el('span', 'badge signal-' + type.replace(/[^a-z0-9-]/gi, ''), type + ' ' + signals[type]);
    chip.title = signals[type] + ' posts with ' + type;
    box.appendChild(chip);
  });
  return box;
}

/** Reads JSON, failing with the problem's detail when the answer is not 2xx. */
export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.json();
}
