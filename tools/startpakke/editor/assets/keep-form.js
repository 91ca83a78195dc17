// `startpakke serve` reloads its pages whenever the site is rebuilt (MkDocs' live reload, which it adds
// to every page it serves). On /admin/ that would throw away a form the editor has not saved yet, after
// every save: the live-reload requests of this page are never sent.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(url).indexOf("/livereload/") === 0) {
      this.send = function () {};
    }
    return open.apply(this, arguments);
  };
})();
