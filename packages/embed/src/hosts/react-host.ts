// A partner's React app for test/embed/react.html (not part of the drop-in: bundled by
// packages/embed/scripts/build.mjs into dist/hosts/react-host.js, apart from dist/v1):
// it renders <carer-survey> like any tag, after the drop-in has started (so the loader finds it
// through its MutationObserver), and listens for carer-submit with a ref.
import { createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

function SurveyPanel() {
  const ref = useRef<HTMLElement>(null);
  const [received, setReceived] = useState<string | null>(null);
  useEffect(() => {
    const survey = ref.current;
    if (!survey) return;
    // React 19 also accepts `oncarer-submit` on a custom element; a ref works in every version.
    const onSubmit = (event: Event) => {
      const detail = (event as CustomEvent<{ envelope: { instrument: { id: string } } }>).detail;
      setReceived(detail.envelope.instrument.id);
    };
    survey.addEventListener('carer-submit', onSubmit);
    return () => survey.removeEventListener('carer-submit', onSubmit);
  }, []);
  return h(
    'section',
    null,
    h('h2', null, 'Tell us what would help'),
    h('carer-survey', { ref, src: '/test/embed/small-survey.txt', endpoint: '/__scripted__/embed-react', partner: 'react-partner' }),
    received ? h('p', { id: 'react-received', role: 'status' }, `Thank you (${received})`) : null,
  );
}

function App() {
  const [open, setOpen] = useState(false);
  return h(
    'main',
    null,
    h('h1', null, 'A React partner site'),
    open ? h(SurveyPanel) : h('button', { id: 'open-survey', type: 'button', onClick: () => setOpen(true) }, 'Have your say'),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
