export { CarerPriorityCheck, type PriorityCheckMode } from './carer-priority-check.js';
export { summarise, assessmentRows, toCsv, parseCsv, rowsFromCsv, csvCell, CSV_COLUMNS } from './report.js';
export type { Assessment, AssessmentEntry, AssessmentExport, AssessmentRow, AssessmentSummary, GroupSummary } from './report.js';
export { htmlToText, fileToText, ACCEPTED_FILES } from './document-text.js';
export { sampleStatementSet } from './sample-definition.js';
