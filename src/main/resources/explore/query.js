/* alliance-kg query page: YASGUI (from its WebJar) on this server's endpoint, the competency questions as tabs. */
(function () {
  'use strict';

  var root = document.getElementById('yasgui');
  var endpoint = new URL(root.dataset.endpoint, location.href).href;

  // Only the editor's own completions: the prefix, class and property completers would ask third-party services
  // (prefix.cc, LOV) from the reader's browser.
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  Yasgui.Yasqe.defaults.autocompleters = completers.filter(function (name) { return name === 'variables'; });

  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    autofocus: false,
    persistenceId: 'alliance-kg-query',
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  window.yasgui = yasgui;

  fetch('api/queries', { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) { throw new Error(r.status + ' ' + r.statusText); }
    return r.json();
  }).then(function (body) {
    var before = yasgui.persistentConfig.getTabs().slice();
    var active = yasgui.getTab() ? yasgui.getTab().getId() : null;
    var first = null;
    var added = 0;
    body.queries.forEach(function (q) {
      var tab = yasgui.addTab(false, {
        name: q.file.replace(/\.rq$/, '').split('-')[0],
        yasqe: { value: q.text },
        requestConfig: { endpoint: endpoint }
      }, { avoidDuplicateTabs: true });
      if (before.indexOf(tab.getId()) < 0) { added++; }
      if (!first) { first = tab.getId(); }
    });
    // First visit: open the first question; later visits: keep the tab the reader was on.
    if (first && (added === body.queries.length || !active)) {
      yasgui.selectTabId(first);
    } else if (active) {
      yasgui.selectTabId(active);
    }
    document.body.dataset.queries = String(body.queries.length);
  }).catch(function (e) {
    var p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'Cannot load the competency questions: ' + e.message;
    root.parentNode.insertBefore(p, root);
  });
}());
