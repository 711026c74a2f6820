// Loaded first by every host page (a same-origin file, so a strict CSP allows it): records what a
// partner's page would see, for the tests to read — CSP violations, layout shifts, widget events.
window.__host = { violations: [], shifts: [], events: [], warnings: [] };
const warn = console.warn.bind(console);
console.warn = (...args) => { window.__host.warnings.push(args.map(String).join(' ')); warn(...args); };
document.addEventListener('securitypolicyviolation', (e) => {
  window.__host.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
});
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__host.shifts.push({
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      at: entry.startTime,
      sources: (entry.sources || []).map((s) => {
        const n = s.node;
        const where = n && n.getRootNode && n.getRootNode().host ? `${n.getRootNode().host.localName} > ` : '';
        return n ? `${where}${n.nodeName.toLowerCase()}${n.className && typeof n.className === 'string' ? '.' + n.className : ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}` : '(gone)';
      }),
    });
  }).observe({ type: 'layout-shift', buffered: true });
} catch {}
for (const type of ['carer-ready', 'carer-answer', 'carer-submit', 'carer-sent', 'carer-error']) {
  document.addEventListener(type, (e) => window.__host.events.push({ type, tag: e.target.localName, detail: e.detail ?? null }));
}
