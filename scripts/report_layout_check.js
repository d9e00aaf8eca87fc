// Injected into a copy of report.html by scripts/test_report_layout.sh (the report itself runs no
// script: its CSP forbids it). Opens every <details>, then checks in the rendered DOM that every
// chart row names a known outlet and its n, rows are sorted by value, no text overflows its box
// or leaves its chart, axis ticks do not overlap, and the page does not scroll sideways.
// Writes the result as JSON into <pre id="layout-check">.
(function () {
  const outlets = new Set(window.FRAMELENS_OUTLETS || []);
  const errs = [];
  let rows = 0;
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const num = s => parseFloat(String(s).replace(/[%+\u2212]/g, m => (m === '\u2212' ? '-' : '')));
  const text = e => e.textContent.replace(/\s+/g, ' ').trim().slice(0, 50);
  document.querySelectorAll('figure.chart').forEach(fig => {
    const fr = fig.getBoundingClientRect();
    let prev = Infinity;
    fig.querySelectorAll('.crow:not(.caxis)').forEach(r => {
      rows++;
      const nm = r.querySelector('.cname');
      const name = nm && nm.firstChild ? nm.firstChild.textContent.trim() : '';
      if (!outlets.has(name)) errs.push(fig.id + ': a row does not name an outlet: "' + name + '"');
      if (!nm || !/n=\d+/.test(nm.textContent)) errs.push(fig.id + ': no n beside "' + name + '"');
      const v = num(r.querySelector('.cval').textContent);
      if (v > prev + 1e-9) errs.push(fig.id + ': rows not sorted by value at "' + name + '"');
      prev = v;
      const plot = r.querySelector('.cplot').getBoundingClientRect();
      r.querySelectorAll('.cdot,.cci').forEach(m => {
        const b = m.getBoundingClientRect();
        if (b.left < plot.left - 6 || b.right > plot.right + 6) errs.push(fig.id + ': a mark leaves the plot at "' + name + '"');
      });
    });
    fig.querySelectorAll('.cname,.cval,figcaption,td,th,.note').forEach(e => {
      if (e.scrollWidth > e.clientWidth + 1) errs.push(fig.id + ': text overflows its box: "' + text(e) + '"');
    });
    fig.querySelectorAll('.cname,.cval,.ctick,figcaption').forEach(e => {
      const b = e.getBoundingClientRect();
      if (b.width > 0 && (b.left < fr.left - 1 || b.right > fr.right + 1)) {
        errs.push(fig.id + ': text leaves its chart: "' + text(e) + '"');
      }
    });
    const ticks = [...fig.querySelectorAll('.ctick')].map(t => t.getBoundingClientRect());
    for (let i = 1; i < ticks.length; i++) {
      if (ticks[i].left < ticks[i - 1].right) errs.push(fig.id + ': axis ticks overlap');
    }
    // Two value labels of a chart never share a line box.
    const vals = [...fig.querySelectorAll('.crow:not(.caxis) .cval')].map(t => t.getBoundingClientRect());
    for (let i = 1; i < vals.length; i++) {
      if (vals[i].top < vals[i - 1].bottom - 1) errs.push(fig.id + ': value labels overlap');
    }
  });
  document.querySelectorAll('h1,h2,h3,p,li,a').forEach(e => {
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline') {
      errs.push('text overflows its box: "' + text(e) + '"');
    }
  });
  if (document.documentElement.scrollWidth > window.innerWidth + 1) errs.push('the page scrolls sideways');
  const out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = JSON.stringify({
    charts: document.querySelectorAll('figure.chart').length, rows: rows,
    toc: document.querySelectorAll('nav.toc a').length,
    errors: errs.length, first_errors: errs.slice(0, 30)
  });
  document.body.appendChild(out);
})();
