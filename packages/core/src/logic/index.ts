export { evaluateCondition, isAnswered, answerOf } from './condition.js';
export { computeVisibility, visibleQuestions, visiblePages, pruneHidden, type Visibility } from './visibility.js';
export { scoreQuiz, identifyOutcome, type QuizScore, type QuestionScore } from './score.js';
