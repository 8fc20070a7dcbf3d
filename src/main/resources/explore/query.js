/*
 * alliance-kg query page: YASGUI (from its WebJar) on this server's endpoint, the competency questions and example
 * queries as tabs. query?query=TEXT opens TEXT in a tab (the question's own tab when it is one) and &run=1 runs it:
 * the home page's run links.
 */
(function () {
  'use strict';

  var root = document.getElementById('yasgui');
  var endpoint = new URL(root.dataset.endpoint, location.href).href;
  var params = new URLSearchParams(location.search);

  // Only the editor's own completions: the prefix, class and property completers would ask third-party services
  // (prefix.cc, LOV) from the reader's browser.
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  Yasgui.Yasqe.defaults.autocompleters = completers.filter(function (name) { return name === 'variables'; });

  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: true,
    autofocus: false,
    persistenceId: 'alliance-kg-query',
    // this page reads ?query= itself (below), once the questions' tabs are there
    populateFromUrl: false,
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
    openLinked(body.queries);
  }).catch(function (e) {
    var p = document.createElement('p');
    p.className = 'error';
    p.textContent = 'Cannot load the competency questions: ' + e.message;
    root.parentNode.insertBefore(p, root);
  });

  /** The query of ?query=, in its question's tab or a new one, run when ?run=1. */
  function openLinked(questions) {
    var text = params.get('query');
    if (!text) { return; }
    var question = questions.filter(function (q) { return q.text === text; })[0];
    var tab = yasgui.addTab(true, {
      name: question ? question.file.replace(/\.rq$/, '').split('-')[0] : 'Linked query',
      yasqe: { value: text },
      requestConfig: { endpoint: endpoint }
    }, { avoidDuplicateTabs: true });
    yasgui.selectTabId(tab.getId());
    document.body.dataset.linked = tab.getId();
    if (params.get('run') === '1') { tab.query().catch(function () { /* YASR shows the error */ }); }
  }
}());
