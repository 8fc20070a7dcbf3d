/* alliance-kg timeline: meetings and strategy documents by date, as an SVG strip and a list by year. */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children, ns) {
    var e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function svg(tag, attrs, children) { return el(tag, attrs, children, SVG); }

  function day(s) { return Date.parse(s + 'T00:00:00Z'); }

  function chart(items) {
    var rows = [];
    items.forEach(function (i) { if (rows.indexOf(i.class_label) < 0) { rows.push(i.class_label); } });
    var min = new Date(day(items[0].date_first));
    var max = new Date(Math.max.apply(null, items.map(function (i) { return day(i.date_last); })));
    var y0 = min.getUTCFullYear();
    var y1 = max.getUTCFullYear() + 1;
    var left = 130, right = 20, width = 960, laneHeight = 16, top = 10;
    var x = function (t) { return left + (t - Date.UTC(y0, 0, 1)) / (Date.UTC(y1, 0, 1) - Date.UTC(y0, 0, 1)) * (width - left - right); };
    var groups = [];
    var yCursor = top;
    rows.forEach(function (row) {
      var lanes = [];
      var placed = items.filter(function (i) { return i.class_label === row; }).map(function (i) {
        var cx = x(day(i.date_first));
        var lane = 0;
        while (lanes[lane] !== undefined && lanes[lane] > cx - 14) { lane++; }
        lanes[lane] = Math.max(x(day(i.date_last)), cx);
        return { item: i, cx: cx, x2: x(day(i.date_last) + 86400000), lane: lane };
      });
      var height = Math.max(lanes.length, 1) * laneHeight + 10;
      groups.push({ row: row, y: yCursor, height: height, placed: placed });
      yCursor += height + 8;
    });
    var axisY = yCursor + 4;
    var root = svg('svg', { 'class': 'timeline', viewBox: '0 0 ' + width + ' ' + (axisY + 26), role: 'img',
      'aria-label': 'timeline of ' + items.length + ' meetings and documents' });
    var axis = svg('g', { 'class': 'axis' });
    axis.appendChild(svg('line', { x1: left, x2: width - right, y1: axisY, y2: axisY }));
    for (var y = y0; y <= y1; y++) {
      var tx = x(Date.UTC(y, 0, 1));
      axis.appendChild(svg('line', { x1: tx, x2: tx, y1: top, y2: axisY + 4, 'stroke-dasharray': '2,3' }));
      axis.appendChild(svg('text', { x: tx, y: axisY + 18, 'text-anchor': 'middle', text: String(y) }));
    }
    root.appendChild(axis);
    groups.forEach(function (g) {
      root.appendChild(svg('text', { x: 8, y: g.y + 14, 'font-size': 12, 'font-weight': 600, text: g.row }));
      g.placed.forEach(function (p) {
        var cy = g.y + 10 + p.lane * laneHeight;
        var i = p.item;
        var title = svg('title', { text: i.label + ' (' + i.date + ')' });
        var a = svg('a', { href: i.page, 'class': 'item', 'data-iri': i.iri });
        if (p.x2 - p.cx > 8) {
          a.appendChild(svg('rect', { x: p.cx, y: cy - 3, width: p.x2 - p.cx, height: 6, rx: 3,
            fill: i.color, opacity: 0.35 }));
        }
        a.appendChild(svg('circle', { cx: p.cx, cy: cy, r: 5.5, fill: i.color }, [title]));
        root.appendChild(a);
      });
    });
    return root;
  }

  function list(items) {
    var years = $('years');
    var byYear = {};
    items.forEach(function (i) { (byYear[i.date.substring(0, 4)] = byYear[i.date.substring(0, 4)] || []).push(i); });
    Object.keys(byYear).sort().forEach(function (y) {
      var ol = el('ol');
      byYear[y].forEach(function (i) {
        ol.appendChild(el('li', { 'class': 'item', 'data-iri': i.iri }, [
          el('span', { 'class': 'when', text: i.date + (i.end_date ? ' – ' + i.end_date : '') }),
          el('span', { 'class': 'swatch', style: 'background:' + i.color, title: i.class_label }),
          el('span', { 'class': 'what' }, [el('a', { href: i.page, text: i.label })]),
          el('span', { 'class': 'more' }, [el('a', { href: 'explore?' + new URLSearchParams({ iri: i.iri }), text: 'explore' })])
        ]));
      });
      years.appendChild(el('li', { id: 'year-' + y }, [el('h2', { text: y }), ol]));
    });
  }

  fetch('api/timeline', { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) { throw new Error(r.status + ' ' + r.statusText); }
    return r.json();
  }).then(function (body) {
    var items = body.items;
    var classes = {};
    items.concat(body.undated).forEach(function (i) { classes[i.class_label] = i.color; });
    Object.keys(classes).sort().forEach(function (c) {
      $('legend').appendChild(el('span', {}, [el('span', { 'class': 'swatch', style: 'background:' + classes[c] }), c]));
    });
    if (items.length) {
      $('summary').textContent = items.length + ' dated meetings and documents, ' + items[0].date.substring(0, 4)
        + ' to ' + items[items.length - 1].date.substring(0, 4) + (body.undated.length ? '; '
        + body.undated.length + ' without a date (listed at the end)' : '') + '. Bars show dates known only to the month or year.';
      $('chart').appendChild(chart(items));
      list(items);
    } else {
      $('summary').textContent = 'No dated meeting or document in the graph.';
    }
    if (body.undated.length) {
      $('undated-section').hidden = false;
      body.undated.forEach(function (i) {
        $('undated').appendChild(el('li', { 'class': 'item', 'data-iri': i.iri }, [
          el('span', { 'class': 'swatch', style: 'background:' + i.color }), el('a', { href: i.page, text: i.label }),
          ' (' + i.class_label + ')']));
      });
    }
    document.body.dataset.items = String(items.length);
  }).catch(function (e) {
    $('summary').textContent = 'Cannot load the timeline: ' + e.message;
    $('summary').classList.add('error');
  });
}());
