// Rules the cloud database (MongoDB underneath) enforces on what is written, checked before
// anything is stored:
//  - field names: no name starting with `$` and no name containing `.`, at any depth (the cloud
//    answers DATABASE_REQUEST_FAILED for a top-level `$` name; MongoDB's storage validation);
//  - update paths: two paths of one update may not overlap ("Updating the path 'a.c' would create
//    a conflict at 'a'"), and a path may not go through a value that is not a document or an array
//    ("Cannot create field 'checkedIn' in element {attendance: null}");
//  - operand types: $inc and $mul need a number there, $push and $addToSet an array.
import { isPlainObject, type Doc } from './decode'
import { requestFailed } from './errors'
import { bsonTypeOf } from './jsonSchema'

/** Throws the cloud's error when a document to store holds a `$`-prefixed or dotted field name. */
export function checkFieldNames(doc: Doc): void {
  visitNames(doc, '')
}

function visitNames(value: unknown, at: string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visitNames(value[i], at ? `${at}.${i}` : String(i))
    return
  }
  if (!isPlainObject(value)) return
  for (const key of Object.keys(value)) {
    const path = at ? `${at}.${key}` : key
    if (key.startsWith('$')) throw requestFailed(`The dollar ($) prefixed field '${key}' in '${path}' is not valid for storage`)
    if (key.includes('.')) throw requestFailed(`The dotted field '${key}' in '${path}' is not valid for storage`)
    visitNames(value[key], path)
  }
}

/** The paths an update writes, by operator: each field, and $rename's targets too. */
function updatePaths(ops: Record<string, Doc>): string[] {
  const paths: string[] = []
  for (const [op, args] of Object.entries(ops)) {
    for (const [field, value] of Object.entries(args)) {
      paths.push(field)
      if (op === '$rename' && typeof value === 'string') paths.push(value)
    }
  }
  return paths
}

/** MongoDB's conflict rule: no path of an update may equal another or lie under it. */
export function checkUpdateConflicts(ops: Record<string, Doc>): void {
  const paths = updatePaths(ops)
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < paths.length; j++) {
      if (i === j) continue
      const [p, q] = [paths[i], paths[j]]
      if ((p === q && i < j) || q.startsWith(`${p}.`)) {
        throw requestFailed(`Updating the path '${q}' would create a conflict at '${p}'`)
      }
    }
  }
}

/** Operators that create the fields on their path when missing (the others do nothing there). */
const CREATING_OPERATORS = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$bit'])

/** MongoDB's shell-like rendering of a value in its error messages. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return `new Date(${value.getTime()})`
  if (Array.isArray(value)) return `[ ${value.map(shown).join(', ')} ]`
  return JSON.stringify(value)
}

/**
 * Refuses a path that would have to create a field inside a value that is not a document (null,
 * a number, a string...) or a named field inside an array, as MongoDB does. Positional segments
 * ($, $[], $[id]) end the check: what they reach depends on the query.
 */
function checkCreatable(doc: Doc, path: string): void {
  const parts = path.split('.')
  let current: unknown = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (part.startsWith('$')) return
    let next: unknown
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return // the array case is judged by its parent below
      next = current[Number(part)]
    } else if (isPlainObject(current)) {
      next = current[part]
    } else {
      return
    }
    if (next === undefined) return
    const child = parts[i + 1]
    if (Array.isArray(next) ? !/^\d+$/.test(child) && !child.startsWith('$') : !isPlainObject(next)) {
      throw requestFailed(`Cannot create field '${child}' in element {${part}: ${shown(next)}}`)
    }
    current = next
  }
}

/** Checks every creating path of an update against the document it is about to change. */
export function checkCreatablePaths(doc: Doc, ops: Record<string, Doc>): void {
  for (const [op, args] of Object.entries(ops)) {
    if (op === '$rename') {
      for (const target of Object.values(args)) if (typeof target === 'string') checkCreatable(doc, target)
      continue
    }
    if (!CREATING_OPERATORS.has(op)) continue
    for (const field of Object.keys(args)) checkCreatable(doc, field)
  }
}

/** The value at a plain path (no positional segment), or undefined. */
function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (part.startsWith('$')) return undefined
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)]
    else if (isPlainObject(current)) current = current[part]
    else return undefined
  }
  return current
}

/**
 * MongoDB's operand checks: $inc and $mul apply to a number (mingo's $mul wrote null over a
 * string), $push and $addToSet to an array. A missing field is created.
 */
export function checkOperandTypes(doc: Doc, ops: Record<string, Doc>): void {
  for (const [op, args] of Object.entries(ops)) {
    const numeric = op === '$inc' || op === '$mul'
    if (!numeric && op !== '$push' && op !== '$addToSet') continue
    for (const field of Object.keys(args)) {
      const value = valueAt(doc, field)
      if (value === undefined) continue
      if (numeric && typeof value !== 'number') {
        throw requestFailed(
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${shown(doc._id)}} has the field '${field.split('.').pop()}' of non-numeric type ${bsonTypeOf(value)}`,
        )
      }
      if (!numeric && !Array.isArray(value)) {
        throw requestFailed(
          `The field '${field}' must be an array but is of type ${bsonTypeOf(value)} in document {_id: ${shown(doc._id)}}`,
        )
      }
    }
  }
}
