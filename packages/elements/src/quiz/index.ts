export { CarerQuiz } from './carer-quiz.js';
export { quizRoute, answersSayYoung, formatScore } from './quiz-logic.js';
