/**
 * The ```ts blocks of README.md and the marker that says how each one runs. A marker is an HTML
 * comment on the line before the fence (blank lines between allowed):
 *
 * - none: the block is a complete program;
 * - `<!-- readme-block: template=<name> -->`: the block fills the next `// README block` line of
 *   `spec/readme/scratch/<name>.ts`, which holds the imports, models and set-up it leaves out and
 *   checks what it did (`es/<name>`: compiled with ES decorators);
 * - `<!-- readme-block: runs-in=<path> -->`: executed elsewhere (MikroORM 7, Node 22): the file must
 *   hold the block verbatim and be run by `npm run test:mikro-orm-7`;
 * - `<!-- readme-block: fragment — <reason> -->`: not a program; excluded by name.
 */
export type Marker =
  | { kind: 'program' }
  | { kind: 'template'; name: string }
  | { kind: 'runs-in'; path: string }
  | { kind: 'fragment'; reason: string };

export interface ReadmeBlock {
  /** 1-based README line of the block's first code line. */
  line: number;
  /** The code, each line ending in a newline. */
  text: string;
  marker: Marker;
}

const markerLine = /^<!-- readme-block: (.*) -->$/;

function parseMarker(body: string, line: number): Marker {
  const template = /^template=([\w/-]+)$/.exec(body);
  if (template) return { kind: 'template', name: template[1]! };
  const runsIn = /^runs-in=(\S+)$/.exec(body);
  if (runsIn) return { kind: 'runs-in', path: runsIn[1]! };
  const fragment = /^fragment — (.+)$/.exec(body);
  if (fragment) return { kind: 'fragment', reason: fragment[1]! };
  throw new Error(`README.md:${line}: unknown readme-block marker "${body}" (template=<name>, runs-in=<path> or fragment — <reason>)`);
}

export function readmeBlocks(readme: string, language = 'ts'): ReadmeBlock[] {
  const lines = readme.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] !== '```' + language) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    let before = index - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const comment = before >= 0 ? markerLine.exec(lines[before]!) : null;
    blocks.push({
      line: start + 1,
      text: lines.slice(start, end).map((code) => `${code}\n`).join(''),
      marker: comment ? parseMarker(comment[1]!, before + 1) : { kind: 'program' },
    });
    index = end;
  }
  return blocks;
}
