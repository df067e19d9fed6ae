/*
 * The installable app, on the page's side.
 *
 * On the hosted site (http or https; never from file://, where service workers do
 * not run), once the page has loaded, it registers the service worker named by
 * <meta name="mbc-service-worker">, which then saves the whole site on the device.
 *
 * It shows the quiet notice that overrides/partials/app-notice.html puts above
 * each page (the texts are in the page; this script only shows them):
 *   - "saved copy", with the build's date, when the page came from the saved copy;
 *   - "a newer version", with a Reload button, when the page is a saved copy and a
 *     newer build has been saved meanwhile (checked again when the connection returns).
 * A page that came fresh from the network is already the newest build: when a newer
 * service worker has saved that build, it takes over quietly, with no notice.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="mbc-service-worker"]');
  if (!meta || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = navigator.serviceWorker;
  var registration = null;
  var savedCopy = false; // this page came from the copy saved on the device
  var reloading = false; // the reader asked for the newer version

  function show(name) {
    var notice = document.getElementById("mbc-app-notice");
    var part = notice && notice.querySelector('[data-mbc-notice="' + name + '"]');
    if (!part) return;
    notice.hidden = false;
    part.hidden = false;
  }

  function offerUpdate() {
    var button = document.getElementById("mbc-app-reload");
    if (!button || button.dataset.ready) return;
    button.dataset.ready = "yes";
    show("update");
    button.addEventListener("click", function () {
      reloading = true;
      button.disabled = true;
      if (registration && registration.waiting) registration.waiting.postMessage({ type: "SKIP_WAITING" });
      else location.reload();
    });
  }

  /* A newer build's worker has saved every file and waits. */
  function newerBuildSaved() {
    if (savedCopy) offerUpdate();
    else if (registration.waiting) registration.waiting.postMessage({ type: "SKIP_WAITING" });
  }

  function follow(installing) {
    if (!installing) return;
    installing.addEventListener("statechange", function () {
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
    registration.addEventListener("updatefound", function () {
      follow(registration.installing);
    });
    if (savedCopy) lookForNewerBuild();
  }

  worker.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "STATUS" || !(event.data.savedCopy || !navigator.onLine)) return;
    savedCopy = true;
    show("saved");
    // Links that need a connection say so on a saved copy.
    document.querySelectorAll(".mbc-needs-connection").forEach(function (note) { note.hidden = false; });
    if (registration && registration.waiting) offerUpdate();
    lookForNewerBuild();
  });

  // The newer build has taken over because the reader asked for it: show the page from it.
  worker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });

  window.addEventListener("online", function () {
    if (savedCopy) lookForNewerBuild();
  });

  window.addEventListener("load", function () {
    worker.register(new URL(meta.content, location.href).href, { updateViaCache: "none" }).catch(function () {
      // No connection to check for a newer worker, or nothing can be saved (private browsing,
      // storage full): the site works as usual.
    });
    worker.ready.then(watch);
    if (worker.controller) worker.controller.postMessage({ type: "STATUS" });
  });
})();
