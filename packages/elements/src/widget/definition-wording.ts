/**
 * The plain-words message for each way a definition can fail (for the partner's web editor), in a
 * chunk of its own: `DefinitionSourceController` loads it with `import()` only when something is
 * wrong, so no widget downloads this text up front. The checker's chunk imports it too, so a
 * definition the full check rejects finds it already loaded.
 */
import { msg, str } from '@lit/localize';

export { renderProblemPanel, problemPanelStyles } from './problem-panel.js';

/** Why a definition could not be used: a code and what its message names. */
export type Why =
  | ['none']
  | ['unknown-instrument', id: string, known: string]
  | ['builtin-load', id: string]
  | ['network', url: string]
  | ['not-found', url: string]
  | ['http', url: string, status: number]
  | ['bad-json', url: string]
  | ['wrong-kind', kind: string, own: string]
  | ['checker-load']
  | ['invalid', count: number]
  | ['other', text: string];

function kindName(kind: string): string {
  switch (kind) {
    case 'survey':
      return msg('survey', { id: 'widget.kind.survey' });
    case 'quiz':
      return msg('quiz', { id: 'widget.kind.quiz' });
    case 'poll':
      return msg('poll', { id: 'widget.kind.poll' });
    case 'statement-set':
      return msg('statement set', { id: 'widget.kind.statement-set' });
    default:
      return kind;
  }
}

const TAG_FOR_KIND: Record<string, string> = {
  survey: 'carer-survey',
  quiz: 'carer-quiz',
  poll: 'carer-poll',
  'statement-set': 'carer-priority-check',
};

/** The message for `why`, in the page's language. */
export function describe(why: Why): string {
  switch (why[0]) {
    case 'none':
      return msg('Nothing to show yet: set the src attribute, the instrument attribute or the definition property.', { id: 'widget.error.none' });
    case 'unknown-instrument':
      return msg(str`There is no built-in instrument called "${why[1]}". Check the instrument attribute. Built-in instruments: ${why[2]}.`, {
        id: 'widget.error.unknown-instrument',
      });
    case 'builtin-load':
      return msg(str`The built-in instrument "${why[1]}" could not be loaded. Reload the page to try again.`, { id: 'widget.error.builtin-load' });
    case 'network':
      return msg(
        str`The definition could not be loaded from ${why[1]}. Check the address, that this device is online, and that the other site allows this page to read it (CORS).`,
        { id: 'widget.error.network' },
      );
    case 'not-found':
      return msg(str`There is no definition at ${why[1]} (the server answered 404, not found). Check the address.`, { id: 'widget.error.not-found' });
    case 'http':
      return msg(str`The definition could not be loaded from ${why[1]}: the server answered ${why[2]}.`, { id: 'widget.error.http' });
    case 'bad-json':
      return msg(str`The file at ${why[1]} is not valid JSON, so it cannot be read as a definition.`, { id: 'widget.error.bad-json' });
    case 'wrong-kind': {
      const [, kind, own] = why;
      return msg(
        str`This definition is a ${kindName(kind)}, but this element shows a ${kindName(own)}. Use <${TAG_FOR_KIND[kind] ?? ''}> for it, or choose a ${kindName(own)}.`,
        { id: 'widget.error.wrong-kind' },
      );
    }
    case 'checker-load':
      return msg('The definition could not be checked, because part of this form did not load. Reload the page to try again.', {
        id: 'widget.error.checker-load',
      });
    case 'invalid':
      return why[1] === 1
        ? msg('The definition has a problem, so it cannot be shown. The details below say what to fix.', { id: 'widget.error.invalid-one' })
        : msg(str`The definition has ${why[1]} problems, so it cannot be shown. The details below say what to fix.`, { id: 'widget.error.invalid-many' });
    default:
      return why[1];
  }
}
