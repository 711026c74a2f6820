export { CarerSurvey } from './carer-survey.js';
export { route, isYoungCarer, defaultYoungCarerRule, type Step, type Route, type YoungCarerRule } from './steps.js';
