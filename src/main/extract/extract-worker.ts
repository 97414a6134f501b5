/** Entry of an extraction worker thread: serves ExtractJobs until the pool terminates it. */
import { describeError, extractError } from './extract-error'
import { extractFile } from './extract-file'
import type { ExtractJob, ExtractOutcome } from './extract-job'
import { appErrorSerializer, serveJobs } from './pool-worker'

serveJobs<ExtractJob, ExtractOutcome>(
  extractFile,
  // Readers map the failures they know; anything else escaped a parser on a malformed file.
  appErrorSerializer((error, job) =>
    extractError('extract/corrupt', job.path, `could not be read (${describeError(error)})`, error),
  ),
)
