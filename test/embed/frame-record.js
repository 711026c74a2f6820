// Records every message the page receives (origin and type), for test/embed/frame.test.ts.
window.__messages = [];
window.addEventListener('message', (e) => {
  window.__messages.push({ origin: e.origin, type: e.data && e.data.type, height: e.data && e.data.height });
});
