import { FactoryException } from './factory-exception.js';

const rows = (first: number, size: number) => `rows ${first.toLocaleString('en')}–${(first + size - 1).toLocaleString('en')}`;

/** `0–2, 5` for blocks 0, 1, 2 and 5. */
function ranges(blocks: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j + 1 < blocks.length && blocks[j + 1] === blocks[j]! + 1) j++;
    parts.push(i === j ? `${blocks[i]}` : `${blocks[i]}–${blocks[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** What a stopped parallel seed had written: the blocks committed before it stopped. */
export interface WrittenBlocks {
  blocks: number[];
  rows: number;
}

/**
 * A parallel seed stopped: a block failed (its create call wrote nothing), or a worker could not
 * start. `block` and `written` say which block and what stays in the database.
 */
export class ParallelSeedException extends FactoryException {
  /** The block that failed; undefined when a worker failed before it built any. */
  block?: number;
  /** The blocks committed before the run stopped (each all or nothing), in order. */
  written: WrittenBlocks = { blocks: [], rows: 0 };

  static blockFailed(factory: string, block: number, first: number, size: number, reason: string, written: WrittenBlocks, field?: string): ParallelSeedException {
    const error = new ParallelSeedException(
      `${factory}: the parallel seed stopped at block ${block} (${rows(first, size)}): ${reason}\n${ParallelSeedException.kept(written)}`,
      { field },
    );
    error.block = block;
    error.written = written;
    return error;
  }

  static workerFailed(factory: string, module: string, reason: string, written: WrittenBlocks): ParallelSeedException {
    const error = new ParallelSeedException(
      `${factory}: a worker of the parallel seed failed outside any block (loading ${module}, its MikroORM configuration or the factory): ${reason}\n${ParallelSeedException.kept(written)}`,
    );
    error.written = written;
    return error;
  }

  /** A generated unique value repeats an earlier block's, and its strategy has no way to make it distinct. */
  static uniqueRepeats(factory: string, field: string, block: number, value: unknown, strategy: string): ParallelSeedException {
    const shown = typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : String(value);
    return new ParallelSeedException(
      `${factory} generated ${field} = ${shown} in block ${block}, a value an earlier block already wrote, and the field's ` +
        `unique strategy (${strategy}) only redraws, which one block cannot do against the others: give the field a generator ` +
        `with a wider value space, a name hint with a fallback (email, url, slug, username, words), or seed with workers: 1.`,
      { field },
    );
  }

  private static kept({ blocks, rows: count }: WrittenBlocks): string {
    if (blocks.length === 0) return 'Nothing of this run was written.';
    const which = blocks.length === 1 ? `Block ${blocks[0]}` : `Blocks ${ranges(blocks)}`;
    return `${which} (${count.toLocaleString('en')} rows) were committed before the run stopped and stay written; no other block of this run was written.`;
  }
}
