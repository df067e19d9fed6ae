/*
 * The service worker of the hosted site: it keeps a copy of the whole site on the
 * reader's device, so pages, search and glossary tooltips work with no signal.
 *
 * overrides/mbc_guide/publish/web_app.py writes the published sw.js from this file, putting the
 * list of files to keep (each with the sha256 of its bytes, written as in Subresource
 * Integrity: "sha256-<base64>") in place of the placeholder below. The offline zip
 * and `mkdocs serve` have no service worker.
 *
 * - Install: every listed file is saved in a cache named after this build, once its
 *   bytes match the build's hash. A copy found in an older cache is reused only if
 *   it matches; otherwise the file is downloaded again, and a download that does
 *   not match either stops the install (the previous build's worker stays).
 * - Serving: only from this build's cache, and only a copy whose bytes match the
 *   hash when it is read, so a copy changed by any script since is never served; it
 *   is served with the type its name gives, never with headers read from the cache.
 * - Pages and other unhashed files: network first (fresh when online), the saved
 *   copy when the network fails or is too slow.
 * - Theme files with a hash in their name: cache first (their content never changes).
 * - A new build waits until the reader chooses to reload (assets/javascripts/app.js
 *   offers it); when it takes over, the caches of its older builds are deleted.
 */
"use strict";

const BUILD = self.__MBC_BUILD__;
// Each edition is an app of its own (the Spanish one's worker is es/sw.js): its caches are named after its scope,
// so that neither deletes the other's.
const PREFIX = "mbc-guide-" + new URL(self.registration.scope).pathname + "-";
const CACHE = PREFIX + BUILD.version;
const NETWORK_TIMEOUT_MS = 5000; // a slow signal: after this, show the saved copy
const HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/; // Material's own files, e.g. bundle.a5f9d56c.min.js
// The type a saved file is served as, by its name's ending: the hash covers only the bytes, so a
// saved copy's own headers are not trusted (a changed type could make a script file a page).
const TYPES = {
  html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8",
  json: "application/json", webmanifest: "application/manifest+json", txt: "text/plain; charset=utf-8",
  svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
  webp: "image/webp", ico: "image/x-icon", pdf: "application/pdf", woff2: "font/woff2",
};

// Absolute URL of each file -> the sha256 of its bytes ("sha256-<base64>").
const REVISIONS = new Map(BUILD.files.map(([path, hash]) => [new URL(path, self.registration.scope).href, hash]));
// Pages this worker served from the cache, by the id of the window that shows them.
const savedCopies = new Set();

/* The file a request asks for: its URL (directory URLs end in index.html, the query and
   fragment are dropped), its hash and its cache key (URL plus hash); null when not listed. */
function listedFile(url) {
  const file = new URL(url);
  file.search = "";
  file.hash = "";
  if (file.pathname.endsWith("/")) file.pathname += "index.html";
  const hash = REVISIONS.get(file.href);
  return hash ? { hash, key: file.href + "?rev=" + hash } : null;
}

function contentType(url) {
  const ending = new URL(url).pathname.split(".").pop();
  return TYPES[ending] || "application/octet-stream";
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return "sha256-" + btoa(String.fromCharCode(...digest));
}

/* A new response with the bytes of the given one and the type of the file at url, when the
   bytes match the hash; null otherwise. It has no address of its own, so the page or worker
   that asked keeps the address it asked for (the site's search worker reads the "#..." part
   of its own address). */
async function verified(response, url, hash) {
  if (!response) return null;
  const bytes = await response.arrayBuffer();
  if (await sha256(bytes) !== hash) return null;
  return new Response(bytes, { headers: { "Content-Type": contentType(url) } });
}

/* Save every listed file, each checked against its hash: a matching copy from an older
   cache, else a fresh download, which must match too. */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all([...REVISIONS].map(async ([url, hash]) => {
    const key = url + "?rev=" + hash;
    let response = await verified(await caches.match(key), url, hash); // unchanged since an earlier build
    if (!response) {
      const fresh = await fetch(url, { cache: "reload" }); // straight from the server
      if (!fresh.ok) throw new Error("could not save " + url + " (HTTP " + fresh.status + ")");
      response = await verified(fresh, url, hash);
      if (!response) {
        throw new Error(url + " does not match its hash in sw.js: the server sends other bytes than this "
          + "build wrote. Publish the whole built site again, sw.js included.");
      }
    }
    await cache.put(key, response);
  }));
}

/* This build's saved copy of a file, checked against its hash as it is read; null when
   there is none, or when it was changed after it was saved. */
async function savedCopy(file) {
  return verified(await caches.match(file.key, { cacheName: CACHE }), file.key, file.hash);
}

async function removeOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)));
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("network timeout")), ms));
}

async function networkFirst(event, file) {
  try {
    return await Promise.race([fetch(event.request), timeout(NETWORK_TIMEOUT_MS)]);
  } catch (error) {
    const saved = await savedCopy(file);
    if (!saved) throw error;
    if (event.request.mode === "navigate" && event.resultingClientId) savedCopies.add(event.resultingClientId);
    return saved;
  }
}

async function cacheFirst(event, file) {
  return (await savedCopy(file)) || fetch(event.request);
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
  const file = listedFile(request.url);
  if (!file) return; // not part of the site: the browser handles it as usual
  event.respondWith(HASHED.test(new URL(request.url).pathname) ? cacheFirst(event, file) : networkFirst(event, file));
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "SKIP_WAITING") self.skipWaiting();
  if (message.type === "STATUS" && event.source) {
    event.source.postMessage({ type: "STATUS", savedCopy: savedCopies.has(event.source.id), build: BUILD.date });
  }
});
