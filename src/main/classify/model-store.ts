/**
 * Reads and writes model directories: `metadata.json` plus `weights.bin` (float32, little
 * endian, the network's weights then the IDF table at the offsets the metadata lists). Writes go
 * to a temporary sibling that is renamed into place, so a crash never leaves half a model.
 * Loading checks the format, the tokenizer, every weight's shape and the weights' hash, and
 * answers `model/incompatible` rather than crashing on anything it cannot use.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/errors'
import {
  validateModelMetadata,
  type ModelMetadata,
  type WeightEntry,
} from '../../shared/model-metadata'
import { TextClassifier } from './classifier'
import { TextCnnNetwork, type NetworkShape, type WeightMap } from './network'
import { SparseTable } from './sparse-table'

const IDF_WEIGHT = 'idf'
const PROTOTYPES_WEIGHT = 'prototypes'

export function networkShape(metadata: ModelMetadata): NetworkShape {
  return {
    tokenBuckets: metadata.features.tokenBuckets,
    sequenceLength: metadata.features.sequenceLength,
    ngramBuckets: metadata.features.ngramBuckets,
    maxWideFeatures: metadata.features.maxWideFeatures,
    classes: metadata.labels.length,
    architecture: metadata.architecture,
  }
}

/** Writes the model to `dir` (which must not exist yet) and returns the metadata written. */
export async function saveModel(
  dir: string,
  metadata: Omit<ModelMetadata, 'weights' | 'weightsBytes' | 'weightsSha256'>,
  weights: WeightMap,
  idf: Float32Array,
  prototypes: SparseTable,
): Promise<ModelMetadata> {
  const entries: WeightEntry[] = []
  const chunks: Buffer[] = []
  let offset = 0
  const add = (name: string, shape: number[], values: Float32Array): void => {
    entries.push({ name, shape, offset })
    chunks.push(Buffer.from(values.buffer, values.byteOffset, values.byteLength))
    offset += values.length
  }
  for (const [name, { shape, values }] of weights) add(name, shape, values)
  add(IDF_WEIGHT, [idf.length], idf)
  add(PROTOTYPES_WEIGHT, [prototypes.rows, prototypes.width], prototypes.values)
  const bytes = Buffer.concat(chunks)
  const full: ModelMetadata = {
    ...metadata,
    weights: entries,
    weightsBytes: bytes.length,
    weightsSha256: createHash('sha256').update(bytes).digest('hex'),
  }

  const temp = join(dirname(dir), `.${basename(dir)}.tmp-${randomBytes(4).toString('hex')}`)
  await mkdir(temp, { recursive: true })
  try {
    await writeDurably(join(temp, 'weights.bin'), bytes)
    await writeDurably(
      join(temp, 'metadata.json'),
      Buffer.from(`${JSON.stringify(full, null, 2)}\n`),
    )
    await rename(temp, dir)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  return full
}

export async function loadModel(dir: string): Promise<TextClassifier> {
  const metadata = await readMetadata(dir)
  const bytes = await readFile(join(dir, 'weights.bin')).catch((error: unknown) => {
    throw incompatible(dir, 'weights.bin cannot be read', error)
  })
  if (bytes.length !== metadata.weightsBytes) {
    throw incompatible(
      dir,
      `weights.bin has ${bytes.length} bytes, metadata says ${metadata.weightsBytes}`,
    )
  }
  if (createHash('sha256').update(bytes).digest('hex') !== metadata.weightsSha256) {
    throw incompatible(dir, 'weights.bin does not match its recorded hash (the file is damaged)')
  }

  const floats = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  )
  const expected = expectedShapes(metadata)
  const weights: WeightMap = new Map()
  let idf: Float32Array | undefined
  let prototypes: SparseTable | undefined
  for (const entry of metadata.weights) {
    const want = expected.get(entry.name)
    if (!want || want.join('x') !== entry.shape.join('x')) {
      throw incompatible(
        dir,
        `weight ${entry.name} has shape [${entry.shape.join(', ')}], ` +
          `expected [${want?.join(', ') ?? 'none'}]`,
      )
    }
    const length = want.reduce((a, b) => a * b, 1)
    if (entry.offset < 0 || entry.offset + length > floats.length) {
      throw incompatible(dir, `weight ${entry.name} lies outside weights.bin`)
    }
    const values = floats.subarray(entry.offset, entry.offset + length)
    if (entry.name === IDF_WEIGHT) idf = values
    else if (entry.name === PROTOTYPES_WEIGHT)
      prototypes = new SparseTable(want[0] ?? 0, want[1] ?? 0, values.slice())
    else weights.set(entry.name, { shape: want, values })
    expected.delete(entry.name)
  }
  if (expected.size > 0 || !idf || !prototypes) {
    throw incompatible(dir, `weights missing: ${[...expected.keys()].join(', ')}`)
  }
  const network = TextCnnNetwork.fromWeights(networkShape(metadata), weights)
  return new TextClassifier(metadata, network, idf, prototypes)
}

export async function readMetadata(dir: string): Promise<ModelMetadata> {
  let raw: string
  try {
    raw = await readFile(join(dir, 'metadata.json'), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('model/not-found', `No model at ${dir}: metadata.json is missing`, {
        path: dir,
        cause: error,
      })
    }
    throw incompatible(dir, 'metadata.json cannot be read', error)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    throw incompatible(dir, 'metadata.json is not valid JSON', error)
  }
  const problems = validateModelMetadata(parsed)
  if (problems.length > 0) throw incompatible(dir, problems.join('; '))
  return parsed as ModelMetadata
}

function expectedShapes(metadata: ModelMetadata): Map<string, number[]> {
  const { features: f, architecture: a } = metadata
  const classes = metadata.labels.length
  const shapes = new Map<string, number[]>([
    ['embedding', [f.tokenBuckets, a.embeddingDim]],
    ['dense/kernel', [a.filters * a.widths.length, classes]],
    ['wide/kernel', [f.ngramBuckets, classes]],
    ['output/bias', [classes]],
    [IDF_WEIGHT, [f.ngramBuckets]],
    [PROTOTYPES_WEIGHT, [f.ngramBuckets, classes]],
  ])
  for (const width of a.widths) {
    shapes.set(`conv${width}/kernel`, [width * a.embeddingDim, a.filters])
    shapes.set(`conv${width}/bias`, [a.filters])
  }
  return shapes
}

function incompatible(dir: string, reason: string, cause?: unknown): AppError {
  return new AppError('model/incompatible', `The model in ${dir} cannot be used: ${reason}`, {
    path: dir,
    cause,
  })
}

async function writeDurably(file: string, data: Buffer): Promise<void> {
  await writeFile(file, data)
  const handle = await open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
