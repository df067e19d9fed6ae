/*
 * The service worker of the hosted site: it keeps a copy of the whole site on the
 * reader's device, so pages, search and glossary tooltips work with no signal.
 *
 * overrides/hooks/web_app.py writes the published sw.js from this file, putting the
 * list of files to keep (each with a hash of its content) in place of the
 * placeholder below. The offline zip and `mkdocs serve` have no service worker.
 *
 * - Install: every listed file is saved in a cache named after this build. A file
 *   whose hash has not changed is copied from the previous build's cache instead of
 *   being downloaded again.
 * - Pages and other unhashed files: network first (fresh when online), the saved
 *   copy when the network fails or is too slow.
 * - Theme files with a hash in their name: cache first (their content never changes).
 * - A new build waits until the reader chooses to reload (assets/javascripts/app.js
 *   offers it); when it takes over, the caches of older builds are deleted.
 */
"use strict";

const BUILD = self.__MBC_BUILD__;
const PREFIX = "mbc-guide-";
const CACHE = PREFIX + BUILD.version;
const NETWORK_TIMEOUT_MS = 5000; // a slow signal: after this, show the saved copy
const HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/; // Material's own files, e.g. bundle.a5f9d56c.min.js

// Absolute URL of each file -> its content hash.
const REVISIONS = new Map(BUILD.files.map(([path, hash]) => [new URL(path, self.registration.scope).href, hash]));
// Pages this worker served from the cache, by the id of the window that shows them.
const savedCopies = new Set();

/* The cache key of a request: its file's URL (directory URLs end in index.html,
   the query and fragment are dropped) plus the file's hash; null when not listed. */
function cacheKey(url) {
  const file = new URL(url);
  file.search = "";
  file.hash = "";
  if (file.pathname.endsWith("/")) file.pathname += "index.html";
  const hash = REVISIONS.get(file.href);
  return hash ? file.href + "?rev=" + hash : null;
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all([...REVISIONS].map(async ([url, hash]) => {
    const key = url + "?rev=" + hash;
    let response = await caches.match(key); // unchanged since an earlier build
    if (!response) {
      response = await fetch(url, { cache: "reload" }); // straight from the server
      if (!response.ok) throw new Error("could not save " + url + " (HTTP " + response.status + ")");
    }
    await cache.put(key, response);
  }));
}

async function removeOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("network timeout")), ms));
}

async function networkFirst(event, key) {
  try {
    return await Promise.race([fetch(event.request), timeout(NETWORK_TIMEOUT_MS)]);
  } catch (error) {
    const saved = await caches.match(key, { cacheName: CACHE });
    if (!saved) throw error;
    if (event.request.mode === "navigate" && event.resultingClientId) savedCopies.add(event.resultingClientId);
    return asRequested(saved);
  }
}

async function cacheFirst(event, key) {
  const saved = await caches.match(key, { cacheName: CACHE });
  return saved ? asRequested(saved) : fetch(event.request);
}

/* A saved response without the cache key as its address, so the page or worker that asked keeps the
   address it asked for (the site's search worker reads the "#..." part of its own address). */
function asRequested(saved) {
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers: saved.headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(removeOldCaches().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const key = cacheKey(request.url);
  if (!key) return; // not part of the site: the browser handles it as usual
  event.respondWith(HASHED.test(new URL(request.url).pathname) ? cacheFirst(event, key) : networkFirst(event, key));
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "SKIP_WAITING") self.skipWaiting();
  if (message.type === "STATUS" && event.source) {
    event.source.postMessage({ type: "STATUS", savedCopy: savedCopies.has(event.source.id), build: BUILD.date });
  }
});
