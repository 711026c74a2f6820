/**
 * The panel a widget shows in place of itself when its definition cannot be used: a short message
 * for a carer who meets it, and — under "Details for the website's editor" — what is wrong in plain
 * words with the path of each problem, so the partner's web editor can fix it. It comes with the
 * failure wording (definition-wording.ts), which loads only when something is wrong; until then
 * (or if that chunk cannot load) `renderDefinitionProblem` shows the message alone.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { DefinitionProblem } from './definition-controller.js';

export function renderProblemPanel(problem: DefinitionProblem): TemplateResult {
  return html`<div class="definition-problem" part="definition-problem">
    <h2 class="definition-problem__title">${msg('Sorry, this form is not working at the moment', { id: 'widget.problem.title' })}</h2>
    <p>${msg('Please try again later, or contact the organisation that runs this website.', { id: 'widget.problem.carer' })}</p>
    <details class="definition-problem__details" part="definition-problem-details">
      <summary>${msg("Details for the website's editor", { id: 'widget.problem.details' })}</summary>
      <p class="definition-problem__message">${problem.message}</p>
      ${problem.problems.length
        ? html`<ul class="definition-problem__list">
            ${problem.problems.map(
              (p) => html`<li>${p.path ? html`<code>${p.path}</code>: ` : nothing}${p.message}</li>`,
            )}
          </ul>`
        : nothing}
    </details>
  </div>`;
}

export const problemPanelStyles = css`
  .definition-problem {
    min-block-size: var(--carer-widget-min-block-size, 12em);
    padding: var(--cv-space-4);
    border: 5px solid var(--cv-color-error);
  }
  .definition-problem__title {
    margin: 0 0 var(--cv-space-3);
    font-size: var(--cv-font-size-large);
    font-weight: 700;
  }
  .definition-problem__details summary {
    color: var(--cv-color-link);
    text-decoration: underline;
    cursor: pointer;
  }
  .definition-problem__details[open] > :not(summary) {
    padding-inline-start: var(--cv-space-4);
    border-inline-start: 5px solid var(--cv-color-border-subtle);
  }
  .definition-problem__list {
    margin: 0;
    padding-inline-start: var(--cv-space-5);
  }
  .definition-problem code {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
`;
