/**
 * Stand-in for the published drop-in (`packages/embed/dist/v1/carers-voice.js`) while that package
 * is not built: the same tags, registered by one module script. The demo switches to the real
 * drop-in by itself as soon as it exists.
 */
import '@carers-voice/elements/provider/define';
import '@carers-voice/elements/survey/define';
import '@carers-voice/elements/quiz/define';
import '@carers-voice/elements/priority-check/define';
import '@carers-voice/elements/poll/define';
