// Served from an origin that is not the collector's (or from the collector's origin but not inside
// the widget's own iframe): pretends to be the frame, and pretends to be the partner page.
let sent = 0;
const timer = setInterval(() => {
  parent.postMessage({ type: 'carers-voice:size', height: 4321 }, '*');
  parent.postMessage({ type: 'carers-voice:event', event: 'carer-sent' }, '*');
  for (let i = 0; i < parent.frames.length; i++) {
    if (parent.frames[i] !== window) parent.frames[i].postMessage({ type: 'carers-voice:hello' }, '*');
  }
  if (++sent >= 10) {
    clearInterval(timer);
    document.documentElement.dataset.done = 'yes';
  }
}, 50);
