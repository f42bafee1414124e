/**
 * Version 6: reconciling back-office exports. The background job (its cursor, progress and the
 * rows parsed so far, so a stopped worker resumes), the file it reads, finished runs, each
 * recorded order's latest status, the user's verdicts on probable matches, and the column mapping
 * confirmed for each back office's files, and the CSV downloads from a known back office that Tally
 * offers to reconcile. New tables only: nothing stored changes.
 */
export const version = 6;

// Only the indexes something queries: unfinished jobs to resume, a run by its file's hash, the
// newest runs, statuses by outcome (the export's filter, the dashboard's counts), a purchase's
// verdicts, a back office's mappings by header,
// the newest download offers.
export const stores = {
  reconcileJobs: 'id, state, createdAt',
  reconcileFiles: 'jobId',
  reconcileChunks: '[jobId+index], jobId',
  reconcileRuns: 'id, fileHash, finishedAt',
  reconcileStatuses: 'purchaseId, runId, outcome',
  reconcileDecisions: 'id, purchaseId',
  backOfficeMappings: 'id, backOffice, headerKey',
  reconcileOffers: 'id, createdAt',
};
