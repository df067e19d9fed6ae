/*
 * The installable app, on the page's side.
 *
 * On the hosted site (http or https; never from file://, where service workers do
 * not run), once the page has loaded, it registers the service worker named by
 * <meta name="mbc-service-worker">, which then saves the whole site on the device.
 * It shows the quiet notice that overrides/main.html puts above each page:
 *   - "saved copy", with the build date, when this page came from the saved copy;
 *   - "a newer version", with a Reload button, when a newer build is waiting.
 * The texts are in the page; this script only shows them.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="mbc-service-worker"]');
  if (!meta || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var reloading = false;
  var offered = false;

  function show(name) {
    var notice = document.getElementById("mbc-app-notice");
    var part = notice && notice.querySelector("[data-mbc-notice=" + name + "]");
    if (!part) return;
    notice.hidden = false;
    part.hidden = false;
    // Links that need a connection say so on a saved copy.
    if (name === "saved") {
      document.querySelectorAll(".mbc-needs-connection").forEach(function (note) { note.hidden = false; });
    }
  }

  function offerUpdate(registration) {
    var button = document.getElementById("mbc-app-reload");
    if (offered || !button) return;
    offered = true;
    show("update");
    button.addEventListener("click", function () {
      reloading = true;
      button.disabled = true;
      if (registration.waiting) registration.waiting.postMessage({ type: "SKIP_WAITING" });
      else location.reload();
    });
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(registration);
      });
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "STATUS" && (event.data.savedCopy || !navigator.onLine)) show("saved");
  });

  // The new build has taken over because the reader asked for it: load the page again from it.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });

  window.addEventListener("load", function () {
    var url = new URL(meta.content, location.href);
    navigator.serviceWorker.register(url.href, { updateViaCache: "none" }).then(watch).catch(function () {
      // No saved copy this time (private browsing, storage full): the site works as usual.
    });
    if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: "STATUS" });
  });
})();
