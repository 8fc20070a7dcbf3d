/* alliance-kg explorer: search, neighbourhoods, expansion, filters (Cytoscape.js from its WebJar). */
(function () {
  'use strict';

  var hiddenClasses = new Set();
  var $ = function (id) { return document.getElementById(id); };

  function api(path, params) {
    var url = path + (params ? '?' + new URLSearchParams(params) : '');
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.error || (r.status + ' ' + r.statusText)); }
        return body;
      });
    });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; }
      else if (k.indexOf('on') === 0) { e.addEventListener(k.substring(2), attrs[k]); } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  /**
   * Node labels keep their size on screen as the view zooms out, down to zoom SCALE_DOWN_TO; further out they shrink,
   * and vanish below 7 px (an overview of shapes). An expansion never zooms out past MIN_FIT_ZOOM.
   */
  var NODE_FONT = 11;
  var SCALE_DOWN_TO = 0.5;
  var MIN_FIT_ZOOM = 0.6;
  var zoomNow = 1;
  function nodeFont() { return NODE_FONT / Math.max(Math.min(zoomNow, 1), SCALE_DOWN_TO); }

  /** A date as the graph states it: "2023-12" for a month, "2023" for a year, else the day. */
  function partial(day, lexicals) {
    var match = (lexicals || []).filter(function (x) { return firstDay(x) === day; });
    return match.length ? match[0] : day;
  }
  function firstDay(lexical) {
    return lexical.length === 4 ? lexical + '-01-01' : lexical.length === 7 ? lexical + '-01' : lexical;
  }

  var cy = cytoscape({
    container: $('cy'),
    elements: [],
    minZoom: 0.15,
    maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', 'shape': 'data(shape)', 'label': 'data(label)',
        'width': 24, 'height': 24, 'border-width': 1, 'border-color': '#3a3a3a',
        'font-size': function () { return nodeFont(); }, 'color': '#1d1d1d', 'text-valign': 'bottom',
        'text-margin-y': 3, 'text-wrap': 'ellipsis', 'min-zoomed-font-size': 7,
        'text-max-width': function () { return 140 * nodeFont() / NODE_FONT; },
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1 } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#e6550d', 'width': 32, 'height': 32 } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'width': 'mapData(weight, 0, 6, 1, 6)', 'line-color': '#a8a8a8', 'target-arrow-color': '#a8a8a8',
        'label': 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 8, 'color': '#555',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.7 } },
      { selector: 'edge[weight = 0]', style: { 'line-style': 'dashed' } },
      { selector: 'edge:selected', style: { 'line-color': '#e6550d', 'target-arrow-color': '#e6550d' } },
      { selector: '.hidden', style: { 'display': 'none' } }
    ]
  });
  window.cy = cy;
  // node labels keep a legible size on screen when the view zooms out (edge labels hide instead)
  cy.on('zoom', function () {
    var z = cy.zoom();
    if (Math.abs(z - zoomNow) / zoomNow > 0.02 && (z < 1 || zoomNow < 1)) {
      zoomNow = z;
      cy.style().update();
    }
  });

  function status(text, isError) {
    var s = $('counts');
    s.textContent = text;
    s.classList.toggle('error', !!isError);
  }

  function updateCounts() {
    var nodes = cy.nodes().not('.hidden').length;
    var edges = cy.edges().not('.hidden').length;
    var counts = $('counts');
    counts.dataset.nodes = nodes;
    counts.dataset.edges = edges;
    status(nodes + ' node' + (nodes === 1 ? '' : 's') + ', ' + edges + ' edge' + (edges === 1 ? '' : 's') + ' shown'
      + (cy.elements('.hidden').length ? ' (' + cy.elements('.hidden').length + ' filtered out)' : ''));
    $('empty').hidden = cy.nodes().length > 0;
  }

  /**
   * Readable zoom: fit the graph, but never magnify small graphs past the labels' size, nor, around a node just
   * expanded (focus), zoom out past MIN_FIT_ZOOM: the view then centres on that node.
   */
  function fit(focus) {
    cy.fit(cy.elements(':visible'), 50);
    if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(cy.elements(':visible')); }
    else if (focus && focus.length && cy.zoom() < MIN_FIT_ZOOM) { cy.zoom(MIN_FIT_ZOOM); cy.center(focus); }
  }

  /**
   * A centre and its neighbours: the centre in the middle, the neighbours on a ring around it, grouped by class. A hub
   * (more than 12 neighbours) gets several rings (12 neighbours on the first, 6 more on each further one), so that its
   * picture stays small enough for the labels to be read.
   */
  function ring(centreIri) {
    if (cy.nodes().length === 0) { return; }
    var level = {};
    var others = cy.nodes().filter(function (n) { return n.data('iri') !== centreIri; }).sort(function (a, b) {
      return (a.data('class') || '').localeCompare(b.data('class') || '')
        || (a.data('label') || '').localeCompare(b.data('label') || '');
    });
    var ringIndex = 0, capacity = 12, used = 0;
    others.forEach(function (n) {
      if (used === capacity) { ringIndex++; capacity += 6; used = 0; }
      level[n.id()] = 100 - ringIndex;
      used++;
    });
    var hub = others.length > 12;
    // one ring spaces nodes by their labels; several rings by the nodes alone (labels fit between the rings)
    cy.layout({ name: 'concentric', animate: false, fit: false, minNodeSpacing: hub ? 56 : 70, avoidOverlap: true,
      nodeDimensionsIncludeLabels: !hub, startAngle: 3 / 2 * Math.PI, spacingFactor: hub ? 1.1 : 1,
      concentric: function (n) { return n.data('iri') === centreIri ? 1000 : level[n.id()]; },
      levelWidth: function () { return 1; } }).run();
    fit();
  }

  /** Everything: a force-directed layout from the current positions (then fit, around focus). */
  function layout(focus) {
    if (cy.nodes().length === 0) { return; }
    cy.layout({ name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return 80; }, nodeRepulsion: function () { return 400000; },
      nodeOverlap: 20, gravity: 0.3, numIter: 2000, componentSpacing: 80 }).run();
    fit(focus);
  }

  function addNeighbourhood(body, centreIri) {
    var centre = cy.nodes().filter(function (n) { return n.data('iri') === centreIri; });
    var origin = centre.length ? centre.position() : { x: 0, y: 0 };
    var fresh = body.elements.nodes.filter(function (n) { return cy.getElementById(n.data.id).empty(); });
    fresh.forEach(function (n, i) {
      var angle = 2 * Math.PI * i / Math.max(fresh.length, 1);
      n.position = { x: origin.x + 180 * Math.cos(angle), y: origin.y + 180 * Math.sin(angle) };
    });
    cy.batch(function () {
      cy.add(fresh.map(function (n) { return { group: 'nodes', data: n.data, position: n.position }; }));
      body.elements.edges.forEach(function (e) {
        if (cy.getElementById(e.data.id).empty()) { cy.add({ group: 'edges', data: e.data }); }
      });
    });
    cy.nodes().filter(function (n) { return n.data('iri') === centreIri; }).addClass('expanded');
  }

  function expand(iri) {
    status('loading …');
    var first = cy.nodes().length === 0;
    return api('api/neighbourhood', { iri: iri }).then(function (body) {
      addNeighbourhood(body, iri);
      if (first) { ring(iri); } else { layout(cy.nodes().filter(function (n) { return n.data('iri') === iri; })); }
      applyFilters();
    }).catch(function (e) { status(e.message, true); });
  }

  function show(iri) {
    cy.elements().remove();
    history.replaceState(null, '', 'explore?' + new URLSearchParams({ iri: iri }));
    return expand(iri).then(function () {
      var centre = cy.nodes().filter(function (n) { return n.data('iri') === iri; });
      cy.elements().unselect();
      centre.select();
      if (centre.length) { details(centre); }
    });
  }

  /** The results list open (after a search) or folded to its summary line (once a node or edge is chosen). */
  function openResults(open) {
    var box = $('results-box');
    if (!box.hidden) { box.open = open; }
  }

  function search(q) {
    var list = $('results');
    $('results-box').hidden = false;
    openResults(true);
    $('results-summary').textContent = 'Results';
    list.replaceChildren(el('li', { class: 'note', text: 'searching …' }));
    return api('api/search', { q: q }).then(function (body) {
      list.replaceChildren();
      $('results-summary').textContent = body.results.length + ' result' + (body.results.length === 1 ? '' : 's')
        + ' for “' + q + '”';
      if (!body.results.length) {
        list.appendChild(el('li', { class: 'note', text: 'Nothing found for “' + q + '”.' }));
        return;
      }
      body.results.forEach(function (r) {
        var matched = r.matched !== r.label ? el('span', { class: 'matched', text: '“' + r.matched + '”' }) : null;
        list.appendChild(el('li', {}, [el('button', { type: 'button', class: 'result', 'data-iri': r.iri,
          onclick: function () { show(r.iri).then(function () { focusDetails(); }); } }, [
          el('span', { class: 'swatch', style: 'background:' + r.color }),
          el('span', { class: 'label', text: r.label }), ' ',
          el('span', { class: 'class', text: r.class_label }), matched ? ' ' : null, matched])]));
      });
    }).catch(function (e) { list.replaceChildren(el('li', { class: 'note error', text: e.message })); });
  }

  /** Arrow keys: from the search box to the results, and between them. */
  function resultKeys(e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') { return; }
    var buttons = Array.prototype.slice.call(document.querySelectorAll('#results button.result'));
    if (!buttons.length || $('results-box').hidden) { return; }
    var i = buttons.indexOf(document.activeElement);
    var next = e.key === 'ArrowDown' ? (i < 0 ? 0 : Math.min(i + 1, buttons.length - 1)) : i - 1;
    e.preventDefault();
    if (next < 0) { $('search').focus(); return; }
    openResults(true);
    buttons[next].focus();
  }

  /** Keyboard and screen-reader users land on what they chose. */
  function focusDetails() {
    var h = document.querySelector('#details h2');
    if (h && !$('details').hidden) { h.focus({ preventScroll: true }); }
  }

  function row(name, value) {
    return value ? el('div', { class: 'kv' }, [el('dt', { text: name }), el('dd', {}, [value])]) : null;
  }

  function details(target) {
    var box = $('details');
    var d = target.data();
    box.hidden = false;
    openResults(false);
    if (target.isNode()) {
      var shown = target.connectedEdges().length;
      box.replaceChildren(
        el('h2', { text: d.label, tabindex: '-1' }),
        el('p', { class: 'class' }, [el('span', { class: 'swatch', style: 'background:' + d.color }), d.class_label]),
        el('dl', {}, [
          row('id', d.id),
          row('Wikidata', d.wikidata ? el('a', { href: 'https://www.wikidata.org/wiki/' + d.wikidata, text: d.wikidata,
            rel: 'noopener' }) : null),
          row('also', d.aliases && d.aliases.length ? d.aliases.join(' · ') : null),
          row('date', d.date ? d.date + (d.end_date ? ' – ' + d.end_date : '') : null),
          row('relations', shown + ' shown' + (target.hasClass('expanded') ? ' (all)' : ''))
        ]),
        el('div', { class: 'actions' }, [
          el('button', { id: 'expand', type: 'button', text: target.hasClass('expanded') ? 'Expanded' : 'Expand',
            onclick: function () { expand(d.iri); } }),
          el('a', { id: 'open-page', class: 'button', href: d.page || d.iri, text: 'Open resource page' })
        ]));
    } else {
      var src = target.source().data('label');
      var tgt = target.target().data('label');
      var evidence = el('ol', { class: 'evidence' });
      (d.evidence_iris || []).forEach(function (iri, i) {
        var article = d.evidence_articles[i];
        var title = (d.evidence_article_titles || [])[i];
        var articleLink = article ? el('a', { class: 'article', href: (d.evidence_article_pages || [])[i] || article,
          title: article, text: title || article.replace(/^.*\/article\//, '') }) : null;
        evidence.appendChild(el('li', {}, [
          el('blockquote', { text: d.evidence_quotes[i] }),
          el('p', { class: 'source' }, [articleLink,
            d.evidence_dates[i] ? ' · ' + d.evidence_dates[i] : null,
            d.evidence_characterizations[i] ? ' · “' + d.evidence_characterizations[i] + '”' : null,
            ' · ', el('a', { href: (d.evidence_pages || [])[i] || iri, text: 'claim' })])]));
      });
      box.replaceChildren(
        el('h2', { text: d.label, tabindex: '-1' }),
        el('p', {}, [src + ' → ' + tgt]),
        el('p', { class: 'weight', text: d.weight === 0 ? 'From the entity catalogue (no claim).'
          : d.weight + ' supporting ' + (d.claims === d.weight ? 'claim' : 'statement') + (d.weight === 1 ? '' : 's')
            + (d.start ? ', from ' + partial(d.start, (d.dates || []).concat([target.source().data('date'),
              target.target().data('date')].filter(Boolean))) : '')
            + (d.evidence_shown ? '; the first ' + d.evidence_shown + ' below' : '') }),
        evidence);
    }
    // the evidence starts in view: the results are folded above it; scroll only if that was not enough
    var side = box.parentNode;
    var top = box.getBoundingClientRect().top - side.getBoundingClientRect().top;
    if (top < 0 || top > side.clientHeight - 120) { side.scrollTop += top; }
  }

  function applyFilters() {
    var from = $('date-from').value;
    var to = $('date-to').value;
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var hide = hiddenClasses.has(n.data('class'));
        if (!hide && n.data('date_first')) {
          hide = (to && n.data('date_first') > to) || (from && n.data('date_last') < from);
        }
        n.toggleClass('hidden', !!hide);
      });
      cy.edges().forEach(function (e) {
        var hide = e.source().hasClass('hidden') || e.target().hasClass('hidden') || (to && e.data('start') && e.data('start') > to);
        e.toggleClass('hidden', !!hide);
      });
    });
    updateCounts();
  }

  function buildFilters(classes) {
    var box = $('class-filters');
    box.replaceChildren();
    classes.filter(function (c) { return c.entity; }).forEach(function (c) {
      var input = el('input', { type: 'checkbox', value: c['class'], checked: 'checked',
        onchange: function () {
          if (input.checked) { hiddenClasses.delete(c['class']); } else { hiddenClasses.add(c['class']); }
          applyFilters();
        } });
      box.appendChild(el('label', { class: 'class-filter' }, [input,
        el('span', { class: 'swatch', style: 'background:' + c.color }), el('span', { class: 'name', text: c.label })]));
    });
  }

  cy.on('tap', 'node, edge', function (e) { details(e.target); });
  cy.on('dbltap', 'node', function (e) { expand(e.target.data('iri')); });
  cy.on('tap', function (e) { if (e.target === cy) { $('details').hidden = true; } });

  $('search-form').addEventListener('submit', function (e) { e.preventDefault(); search($('search').value); });
  $('search').addEventListener('keydown', resultKeys);
  $('results').addEventListener('keydown', resultKeys);
  $('date-from').addEventListener('change', applyFilters);
  $('date-to').addEventListener('change', applyFilters);
  $('date-clear').addEventListener('click', function () { $('date-from').value = ''; $('date-to').value = ''; applyFilters(); });
  $('relayout').addEventListener('click', function () { layout(); });
  $('clear').addEventListener('click', function () {
    cy.elements().remove(); $('details').hidden = true; history.replaceState(null, '', 'explore'); updateCounts();
  });

  api('api/classes').then(function (body) { buildFilters(body.classes); })
    .catch(function (e) { status(e.message, true); });
  var params = new URLSearchParams(location.search);
  if (params.get('q')) { $('search').value = params.get('q'); search(params.get('q')); }
  if (params.get('iri')) { show(params.get('iri')); } else { updateCounts(); }
}());
