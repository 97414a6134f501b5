import type { ErrorMessages } from './types'

/** `{file}` is the file's name, or "The file" when the error names none. */
export const enErrors: ErrorMessages = {
  'extract/not-found': '{file} is gone: it was moved or deleted before Docsort could read it.',
  'extract/unsupported': '{file} is not a PDF, Word or text document, so Docsort cannot read it.',
  'extract/encrypted': '{file} is password-protected, so Docsort cannot read its text.',
  'extract/corrupt': '{file} looks damaged and could not be opened.',
  'extract/empty': '{file} is empty.',
  'extract/no-text': '{file} has no text layer (a scan?), so there is nothing to classify.',
  'extract/too-large': '{file} is too large to read.',
  'extract/timeout': 'Reading {file} took too long and was stopped.',
  'extract/out-of-memory': 'Reading {file} needed more memory than Docsort allows.',
  'extract/failed': '{file} could not be read (permissions or a disk problem).',
  'model/not-found': 'That model version no longer exists.',
  'model/incompatible': 'The saved model was made by another version of Docsort. Retrain it.',
  'model/not-trained': 'There is no model yet. Train one on the Model page.',
  'train/not-enough-data':
    'Not enough examples to train: Docsort needs at least two categories, ' +
    'each with a few documents. Learn from your folders.',
  'train/failed': 'Training failed. The previous model stays active.',
  'train/cancelled': 'Training was cancelled. The previous model stays active.',
  'train/busy': 'A training run is already going. Wait for it to finish or cancel it.',
  'library/corrupt': 'The Docsort library is damaged. Restore it from a backup or start afresh.',
  'library/newer-version': 'The library was written by a newer Docsort. Update the app to open it.',
  'library/not-found': 'The Docsort library could not be found.',
  'library/category-exists': 'A category with that name or folder already exists.',
  'library/category-not-found': 'That category no longer exists.',
  'library/suggestion-not-found': 'That suggestion was already handled.',
  'sort/target-exists': 'A file named like {file} is already in the destination folder.',
  'sort/source-missing': '{file} is no longer where it was, so it could not be moved.',
  'sort/destination-unavailable': 'The destination folder for {file} is missing or read-only.',
  'sort/io-failed': '{file} could not be moved.',
  'sort/nothing-to-undo': 'There is nothing left to undo for {file}.',
  'sort/undo-blocked':
    '{file} changed or another file took its old place, so it stays where it is.',
  'input/invalid': 'That value is not valid.',
  'input/path-refused': 'Docsort cannot use that path.',
  'input/unavailable': 'This needs the desktop app; it is not available in the browser.',
  'app/failed': 'Something went wrong inside Docsort. The details are in its log.',
}
