/*
 * The installable app, page side (README: "Read offline, on a phone or on paper").
 * Hosted site only: after load, register the worker named by <meta name="mbc-service-worker">;
 * show the notice of overrides/partials/app-notice.html when this page is the saved copy, and
 * offer to reload when a newer build has been saved meanwhile. A page fresh from the network
 * is already the newest build: a newer worker then takes over quietly.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="mbc-service-worker"]');
  if (!meta || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = navigator.serviceWorker;
  var registration = null;
  var savedCopy = false;
  var reloading = false;

  function show(name) {
    var notice = document.getElementById("mbc-app-notice");
    var part = notice && notice.querySelector('[data-mbc-notice="' + name + '"]');
    if (part) notice.hidden = part.hidden = false;
  }

  function offerUpdate() {
    var button = document.getElementById("mbc-app-reload");
    if (!button || button.dataset.ready) return;
    button.dataset.ready = "yes";
    show("update");
    button.addEventListener("click", function () {
      reloading = button.disabled = true;
      if (registration && registration.waiting) registration.waiting.postMessage({ type: "SKIP_WAITING" });
      else location.reload();
    });
  }

  // A newer build's worker has saved every file and waits.
  function newerBuildSaved() {
    if (savedCopy) offerUpdate();
    else if (registration.waiting) registration.waiting.postMessage({ type: "SKIP_WAITING" });
  }

  function follow(installing) {
    if (installing) installing.addEventListener("statechange", function () {
      if (installing.state === "installed" && worker.controller) newerBuildSaved();
    });
  }

  function lookForNewerBuild() {
    if (registration && navigator.onLine) registration.update().catch(function () {});
  }

  function watch(found) {
    registration = found;
    if (registration.waiting && worker.controller) newerBuildSaved();
    follow(registration.installing);
    registration.addEventListener("updatefound", function () { follow(registration.installing); });
    if (savedCopy) lookForNewerBuild();
  }

  // The worker answers STATUS: did this page come from the saved copy?
  worker.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "STATUS" || !(event.data.savedCopy || !navigator.onLine)) return;
    savedCopy = true;
    show("saved");
    document.querySelectorAll(".mbc-needs-connection").forEach(function (note) { note.hidden = false; });
    if (registration && registration.waiting) offerUpdate();
    lookForNewerBuild();
  });

  worker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });

  window.addEventListener("online", function () {
    if (savedCopy) lookForNewerBuild();
  });

  window.addEventListener("load", function () {
    // Fails with no connection or no storage (private browsing): the site works as usual.
    worker.register(new URL(meta.content, location.href).href, { updateViaCache: "none" }).catch(function () {});
    worker.ready.then(watch);
    if (worker.controller) worker.controller.postMessage({ type: "STATUS" });
  });
})();
