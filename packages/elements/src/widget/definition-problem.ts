/**
 * What a widget shows in place of itself when its definition cannot be used, and the loading
 * placeholder, which reserves space so the host page does not jump when the widget appears
 * (`--carer-widget-min-block-size`, default 12em).
 *
 * The full problem panel (problem-panel.ts) loads with the failure wording, only when something
 * is wrong: `DefinitionSourceController` waits for it before it shows the problem, and adds its
 * styles to the widget's shadow root (`useProblemPanel`). Style the placeholder with
 * `definitionProblemStyles`.
 */
import { css, html, type CSSResult, type TemplateResult } from 'lit';
import { addStyles } from '../base/add-styles.js';
import { msg } from '@lit/localize';
import type { DefinitionProblem } from './definition-controller.js';

let panel: ((problem: DefinitionProblem) => TemplateResult) | undefined;
let panelStyles: CSSResult | undefined;

/** The full panel, from the failure wording's chunk once it has loaded. */
export function setProblemPanel(render: (problem: DefinitionProblem) => TemplateResult, styles: CSSResult): void {
  panel = render;
  panelStyles = styles;
}

const styled = new WeakSet<ShadowRoot>();

/** Adds the panel's styles to `root` (once). */
export function useProblemPanel(root: ShadowRoot | null): void {
  if (!root || !panelStyles || styled.has(root)) return;
  styled.add(root);
  addStyles(root, panelStyles);
}

export function renderDefinitionProblem(problem: DefinitionProblem): TemplateResult {
  return panel ? panel(problem) : html`<div class="definition-problem" part="definition-problem"><p>${problem.message}</p></div>`;
}

export function renderLoading(): TemplateResult {
  return html`<div class="widget-loading" role="status" part="loading">
    <p>${msg('Loading…', { id: 'widget.loading' })}</p>
  </div>`;
}

export const definitionProblemStyles = css`
  .widget-loading,
  .definition-problem {
    min-block-size: var(--carer-widget-min-block-size, 12em);
  }
  .widget-loading {
    color: var(--cv-color-hint);
  }
`;
