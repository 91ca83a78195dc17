/* The course without network (see site/service_worker.py and site/worker/): registers the site's
 * service worker, which keeps the pages a learner opens, and sets up «Last ned kurset» where a page
 * has a place for it (data-sp-offline): it says how much the course takes, offers the smallest videos
 * too, stores the course in this browser and can remove it again. Only on the web: a copy opened from
 * disk or a learning platform's package has no worker (course.js says so). */
(function () {
  "use strict";
  var course = window.startpakkeCourse;
  var offline = course && course.offline;
  if (!offline || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var _ = Startpakke._;
  var KEY = "startpakke:" + course.id + ":offline";
  // The site's root: this page's tree (se/ for a translation) lies below it.
  var scope = typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href);
  var root = new URL(offline.tree.replace(/[^/]+\//g, "../") || "./", scope);

  function workerURL(choice) {
    var url = new URL("sw.js", root);
    if (choice) {
      url.searchParams.set("store", choice.tree);
      if (choice.videos) url.searchParams.set("videos", "1");
    }
    return url.href;
  }

  function register(choice) {
    return navigator.serviceWorker.register(workerURL(choice), { scope: root.href });
  }

  var stored = Startpakke.storage.get(KEY);
  register(stored).catch(function (error) { console.info(error); });

  /* Resolves when the worker for `choice` has stored everything and serves this site. */
  function store(choice) {
    return register(choice).then(function (registration) {
      var worker = registration.installing || registration.waiting;
      if (!worker) return registration.update();
      return new Promise(function (resolve, reject) {
        function follow() {
          if (worker.state === "installed") worker.postMessage({ type: "SKIP_WAITING" });
          if (worker.state === "activated") resolve();
          if (worker.state === "redundant") reject(new Error("the worker did not install"));
        }
        worker.addEventListener("statechange", follow);
        follow();
      });
    });
  }

  function megabytes(bytes) {
    return _("%(size)s MB", { size: (Math.max(bytes, 100000) / 1e6).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }) });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUp(box, sizes) {
    var about = el("p"), status = el("p", "sp-offline__status");
    status.setAttribute("role", "status");
    var label = el("label", "sp-offline__videos"), videos = el("input");
    videos.type = "checkbox";
    label.append(videos, " " + _("Include the videos in the smallest quality (%(size)s more)", { size: megabytes(sizes.videos) }));
    var download = el("button", "md-button md-button--primary", _("Download the course"));
    var remove = el("button", "md-button", _("Remove the stored course"));
    download.type = remove.type = "button";

    function show() {
      var choice = Startpakke.storage.get(KEY);
      about.textContent = choice ?
        _("The course is stored in this browser: you can use it without network.") :
        _("Store the course in this browser to use it without network: %(size)s.", { size: megabytes(sizes.pages) });
      label.hidden = Boolean(choice) || sizes.videos === 0;
      download.hidden = Boolean(choice);
      remove.hidden = !choice;
    }

    download.addEventListener("click", function () {
      var choice = { tree: offline.tree, videos: videos.checked };
      download.disabled = true;
      status.textContent = _("Storing the course…");
      store(choice).then(function () {
        Startpakke.storage.set(KEY, choice);
        status.textContent = "";
      }, function (error) {
        console.error(error);
        register(Startpakke.storage.get(KEY));
        status.textContent = _("The course could not be stored. Check the network and try again.");
      }).then(function () { download.disabled = false; show(); });
    });

    remove.addEventListener("click", function () {
      Startpakke.storage.set(KEY, null);
      store(null).then(null, console.error);
      status.textContent = _("The stored course is removed from this browser.");
      show();
    });

    var actions = el("p", "sp-offline__actions");
    actions.append(download, remove);
    box.replaceChildren(box.querySelector("h2"), about, label, actions, status);
    box.hidden = false;
    show();
  }

  Startpakke.mount("offline", function (box) {
    fetch(new URL("offline.json", root)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (sizes) {
      var mine = sizes[offline.tree];
      if (mine) setUp(box, mine);
    }).catch(function (error) { console.info(error); });
  });
})();
