/* The site's service worker, after Workbox and the build's list of files (sw.js, written by
 * site/service_worker.py). What it keeps, in caches of this build:
 *   - every page and file a learner opens: from the network while it answers, else from the cache,
 *     so a page opened once opens again without network;
 *   - after «Last ned kurset» (sw.js?store=<tree>, &videos=1 with the videos), one language of the
 *     course whole, precached when the worker installs: stored completely or not at all.
 * A new build is a new sw.js. It installs beside the old worker, fetching only files whose revision
 * changed, and takes over when no page of the old build is open, or at once when the learner asked
 * for the download; so a learner never sees old and new pages mixed. Caches of older builds go when
 * it takes over. A page neither stored nor reachable gets a page that says so, in its tree's language. */
(function () {
  "use strict";
  var files = self.startpakkeFiles;
  var query = new URL(self.location.href).searchParams;
  var tree = files.trees[query.get("store")];
  var runtime = "startpakke-runtime-" + files.version;
  var sameSite = function (options) { return options.url.origin === self.location.origin && options.request.method === "GET"; };

  // A video is asked for in ranges; a stored one is answered from the whole file.
  workbox.routing.registerRoute(function (options) { return sameSite(options) && /\.mp4$/.test(options.url.pathname); },
    new workbox.strategies.CacheFirst({
      cacheName: workbox.core.cacheNames.precache,
      plugins: [new workbox.rangeRequests.RangeRequestsPlugin()]
    }));
  workbox.precaching.precacheAndRoute(tree ? tree.pages.concat(query.get("videos") === "1" ? tree.videos : []) : [],
    { directoryIndex: "index.html", ignoreURLParametersMatching: [/.*/] });
  workbox.precaching.cleanupOutdatedCaches();
  // Pages open when the first worker starts are of its build: it serves them from then on.
  workbox.core.clientsClaim();
  workbox.routing.registerRoute(sameSite, new workbox.strategies.NetworkFirst({ cacheName: runtime, networkTimeoutSeconds: 8 }));

  // A page neither stored nor reachable: a page in the learner's language saying so and leading to the
  // start page, not the browser's error. Other requests fail as they would (instant navigation then
  // asks for the page itself, which gets this).
  workbox.routing.setCatchHandler(function (options) {
    if (options.request.destination !== "document") return Promise.resolve(Response.error());
    var scope = new URL(self.registration.scope).pathname;
    var path = new URL(options.request.url).pathname.slice(scope.length);
    var name = Object.keys(files.trees).filter(function (tree) { return path.indexOf(tree) === 0; })
      .sort(function (a, b) { return b.length - a.length; })[0] || "";
    return Promise.resolve(new Response(files.trees[name].offline.replace("{home}", scope + name),
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("startpakke-runtime-") === 0 && name !== runtime;
      }).map(function (name) { return caches.delete(name); }));
    }));
  });

  // The page asks for the download's worker to take over at once: it is this same build.
  self.addEventListener("message", function (event) {
    if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  });
})();
