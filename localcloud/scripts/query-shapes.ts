// Writes localcloud/tests/db/query-shapes.json, the distinct shapes of the queries the cloud functions
// make on the collections config/environment.ts describes, from a log the function tests wrote:
//
//   LOCALCLOUD_QUERY_LOG=/tmp/shapes.jsonl npx jest localcloud/tests/functions
//   npx tsx localcloud/scripts/query-shapes.ts /tmp/shapes.jsonl
//
// (start from an empty log: the server appends). localcloud/tests/db/queryShapes.test.ts checks
// the declared indexes against the snapshot: every shape covered, and every index the best of some
// shape (removing it makes that shape's best index worse).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RecordedShape } from '../db/coverage'
import type { SnapshotShape } from '../tests/db/queryShapes'

const OUT = join(__dirname, '../tests/db/query-shapes.json')

function main(): void {
  const log = process.argv[2]
  if (!log) throw new Error('usage: npx tsx localcloud/scripts/query-shapes.ts <LOCALCLOUD_QUERY_LOG file>')
  const byText = new Map<string, SnapshotShape>()
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const s = JSON.parse(line) as RecordedShape & { fn: string | null }
    if (!s.fn || !s.declared) continue
    const seen = byText.get(s.text)
    if (seen) {
      if (!seen.fns.includes(s.fn)) seen.fns.push(s.fn)
      continue
    }
    const shape: SnapshotShape = { text: s.text, kind: s.kind, collection: s.collection, filter: s.filter, fns: [s.fn] }
    if (s.sort && s.sort.length > 0) shape.sort = s.sort
    if (s.via) shape.via = s.via
    byText.set(s.text, shape)
  }
  const shapes = [...byText.values()].sort((a, b) => a.collection.localeCompare(b.collection) || a.text.localeCompare(b.text))
  for (const s of shapes) s.fns.sort()
  // One shape a line (the file is left out of Prettier), so a change of queries is a diff of lines.
  writeFileSync(OUT, `[\n${shapes.map((s) => `  ${JSON.stringify(s)}`).join(',\n')}\n]\n`)
  process.stdout.write(`${shapes.length} shapes written to ${OUT}\n`)
}

main()
