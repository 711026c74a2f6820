/**
 * packages/elements/custom-elements.json (written by `pnpm cem`) is what Storybook's docs tables and
 * partners' editors read: it must list every tag the package registers, with its attributes.
 */
import { expect } from '@open-wc/testing';
import { kitElements } from '@carers-voice/elements/kit/define';
import manifest from '../../packages/elements/custom-elements.json';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
}

function manifestTags(): Map<string, Declaration> {
  const tags = new Map<string, Declaration>();
  for (const mod of (manifest as { modules: { declarations?: Declaration[] }[] }).modules) {
    for (const d of mod.declarations ?? []) if (d.tagName) tags.set(d.tagName, d);
  }
  return tags;
}

describe('custom-elements.json', () => {
  it('lists every kit element and the provider (run pnpm cem after adding one)', () => {
    const tags = manifestTags();
    const missing = [...Object.keys(kitElements), 'carer-voice'].filter((tag) => !tags.has(tag));
    expect(missing).to.deep.equal([]);
  });

  it("documents the provider's attributes", () => {
    const provider = manifestTags().get('carer-voice')!;
    expect((provider.attributes ?? []).map((a) => a.name)).to.include.members(['endpoint', 'partner', 'lang', 'theme']);
  });
});
