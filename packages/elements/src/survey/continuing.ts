/**
 * What Continue does once the part after the first page is here (see later.ts): check this page's
 * answers, then go to the next page on the carer's route, back to the check page after a "Change",
 * or send when the survey has no check page. Lives in the later part: the first page needs none
 * of it until Continue is pressed.
 */
import { firstIncompleteAfter, stepProblems } from './checking.js';
import { send } from './sending.js';
import { CHECK } from './survey-types.js';
import type { CarerSurvey } from './carer-survey.js';

export function continueFrom(host: CarerSurvey): void {
  const survey = host.survey;
  if (!survey) return;
  const { steps, kept } = host.route;
  const index = steps.findIndex((s) => s.key === host.position);
  const step = steps[index];
  if (!step) return;
  const problems = stepProblems(survey, step, kept);
  host.problems = problems;
  if (problems.length) {
    host.focusAfterUpdate = 'summary';
    return;
  }
  // Answers to questions the carer's route no longer includes do not count: drop them.
  if (Object.keys(kept).length !== Object.keys(host.answers).length) host.answers = kept;
  let next: string | undefined;
  if (host.returnToCheck) {
    // After "Change": back to the check page, unless the change opened questions not yet answered.
    next = firstIncompleteAfter(survey, steps, index, kept) ?? CHECK;
  } else {
    next = steps[index + 1]?.key ?? (survey.checkAnswers === false ? undefined : CHECK);
  }
  if (next === undefined) {
    host.guard.attempt();
    void send(host);
    return;
  }
  if (next === CHECK) host.returnToCheck = false;
  host.goTo(next);
}
