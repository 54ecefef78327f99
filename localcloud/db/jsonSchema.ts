// The $jsonSchema query operator, as MongoDB implements it (JSON Schema draft 4 plus bsonType,
// src/mongo/db/matcher/schema): a keyword only constrains values of the type it is about (minimum
// a number, minLength a string...), a missing property passes unless required, and an unknown
// keyword or a malformed schema is refused when the query is read.
import { isEqual } from 'mingo/util'
import { isPlainObject, type Doc } from './decode'

type Check = (value: unknown) => boolean

const INT32_MIN = -0x80000000
const INT32_MAX = 0x7fffffff

/** The BSON type a stored value has (numbers as the local database encodes them). */
export function bsonTypeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Object.is(value, -0)) return value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'long'
    return 'double'
  }
  if (value instanceof Date) return 'date'
  if (value instanceof RegExp) return 'regex'
  if (Array.isArray(value)) return 'array'
  if (isPlainObject(value)) return 'object'
  const tag = (value as { _bsontype?: string })._bsontype
  if (tag === 'ObjectId' || tag === 'ObjectID') return 'objectId'
  if (tag === 'Decimal128') return 'decimal'
  if (tag === 'Binary') return 'binData'
  return 'unknown'
}

const BSON_TYPES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'javascript',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
])
const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null'])

function hasType(value: unknown, type: string, json: boolean): boolean {
  const actual = bsonTypeOf(value)
  if (type === 'number') return actual === 'int' || actual === 'long' || actual === 'double' || actual === 'decimal'
  if (json && type === 'boolean') return actual === 'bool'
  return actual === type
}

const isNumber = (v: unknown): v is number => typeof v === 'number'
const isString = (v: unknown): v is string => typeof v === 'string'

function bad(message: string): never {
  throw new Error(`$jsonSchema: ${message}`)
}

function nonNegative(schema: Doc, key: string): number {
  const n = schema[key]
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) bad(`${key} must be a non-negative integer`)
  return n
}

function typeList(schema: Doc, key: 'type' | 'bsonType'): string[] {
  const raw = schema[key]
  const list = Array.isArray(raw) ? raw : [raw]
  if (list.length === 0 || !list.every(isString)) bad(`${key} must be a string or an array of strings`)
  const known = key === 'type' ? JSON_TYPES : BSON_TYPES
  for (const t of list) {
    if (key === 'type' && t === 'integer') bad("'integer' type is not supported; use bsonType 'int' or 'long'")
    if (!known.has(t)) bad(`unknown type name alias: ${t}`)
  }
  return list
}

function schemaList(schema: Doc, key: string): Check[] {
  const list = schema[key]
  if (!Array.isArray(list) || list.length === 0) bad(`${key} must be a non-empty array of schemas`)
  return list.map((s) => compileSchema(s))
}

/** Compiles a schema into a check of one value; throws for what MongoDB refuses to parse. */
export function compileSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) bad('a schema must be an object')
  const checks: Check[] = []
  const add = (check: Check) => checks.push(check)
  for (const key of Object.keys(schema)) {
    const arg = schema[key]
    switch (key) {
      case 'title':
      case 'description':
        if (!isString(arg)) bad(`${key} must be a string`)
        break
      case 'type':
      case 'bsonType': {
        if (key === 'type' && schema.bsonType !== undefined) bad('cannot specify both type and bsonType')
        const types = typeList(schema, key)
        add((v) => types.some((t) => hasType(v, t, key === 'type')))
        break
      }
      case 'enum': {
        if (!Array.isArray(arg) || arg.length === 0) bad('enum must be a non-empty array')
        add((v) => arg.some((e) => isEqual(e, v)))
        break
      }
      case 'minimum':
      case 'maximum': {
        if (!isNumber(arg)) bad(`${key} must be a number`)
        const exclusive = schema[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true
        if (key === 'minimum') add((v) => !isNumber(v) || (exclusive ? v > arg : v >= arg))
        else add((v) => !isNumber(v) || (exclusive ? v < arg : v <= arg))
        break
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof arg !== 'boolean') bad(`${key} must be a boolean`)
        if (schema[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] === undefined)
          bad(`${key} needs ${key === 'exclusiveMinimum' ? 'minimum' : 'maximum'}`)
        break
      }
      case 'multipleOf': {
        if (!isNumber(arg) || arg <= 0) bad('multipleOf must be a positive number')
        add((v) => !isNumber(v) || Number.isInteger(v / arg))
        break
      }
      case 'minLength':
      case 'maxLength': {
        const n = nonNegative(schema, key)
        add((v) => !isString(v) || (key === 'minLength' ? [...v].length >= n : [...v].length <= n))
        break
      }
      case 'pattern': {
        if (!isString(arg)) bad('pattern must be a string')
        let re: RegExp
        try {
          re = new RegExp(arg, 'u')
        } catch {
          re = new RegExp(arg)
        }
        add((v) => !isString(v) || re.test(v))
        break
      }
      case 'required': {
        if (!Array.isArray(arg) || arg.length === 0 || !arg.every(isString)) bad('required must be a non-empty array of strings')
        add((v) => !isPlainObject(v) || arg.every((name) => v[name] !== undefined))
        break
      }
      case 'minProperties':
      case 'maxProperties': {
        const n = nonNegative(schema, key)
        add((v) => !isPlainObject(v) || (key === 'minProperties' ? Object.keys(v).length >= n : Object.keys(v).length <= n))
        break
      }
      case 'properties': {
        if (!isPlainObject(arg)) bad('properties must be an object')
        const props = Object.entries(arg).map(([name, s]) => [name, compileSchema(s)] as const)
        add((v) => !isPlainObject(v) || props.every(([name, check]) => v[name] === undefined || check(v[name])))
        break
      }
      case 'patternProperties':
        if (!isPlainObject(arg)) bad('patternProperties must be an object')
        break
      case 'additionalProperties': {
        if (typeof arg !== 'boolean' && !isPlainObject(arg)) bad('additionalProperties must be a boolean or an object')
        const listed = new Set(isPlainObject(schema.properties) ? Object.keys(schema.properties) : [])
        const patterns = isPlainObject(schema.patternProperties)
          ? Object.entries(schema.patternProperties).map(([p, s]) => [new RegExp(p), compileSchema(s)] as const)
          : []
        const other: Check = arg === true ? () => true : arg === false ? () => false : compileSchema(arg)
        add((v) => {
          if (!isPlainObject(v)) return true
          return Object.keys(v).every((name) => {
            const matching = patterns.filter(([re]) => re.test(name))
            if (!matching.every(([, check]) => check(v[name]))) return false
            return listed.has(name) || matching.length > 0 || other(v[name])
          })
        })
        break
      }
      case 'items': {
        if (Array.isArray(arg)) {
          const each = arg.map((s) => compileSchema(s))
          const extra = schema.additionalItems
          const rest: Check = extra === undefined || extra === true ? () => true : extra === false ? () => false : compileSchema(extra)
          add((v) => !Array.isArray(v) || v.every((el, i) => (i < each.length ? each[i](el) : rest(el))))
        } else {
          const each = compileSchema(arg)
          add((v) => !Array.isArray(v) || v.every((el) => each(el)))
        }
        break
      }
      case 'additionalItems':
        if (typeof arg !== 'boolean' && !isPlainObject(arg)) bad('additionalItems must be a boolean or an object')
        break
      case 'minItems':
      case 'maxItems': {
        const n = nonNegative(schema, key)
        add((v) => !Array.isArray(v) || (key === 'minItems' ? v.length >= n : v.length <= n))
        break
      }
      case 'uniqueItems': {
        if (typeof arg !== 'boolean') bad('uniqueItems must be a boolean')
        if (arg) add((v) => !Array.isArray(v) || v.every((a, i) => v.every((b, j) => j <= i || !isEqual(a, b))))
        break
      }
      case 'allOf': {
        const all = schemaList(schema, key)
        add((v) => all.every((c) => c(v)))
        break
      }
      case 'anyOf': {
        const any = schemaList(schema, key)
        add((v) => any.some((c) => c(v)))
        break
      }
      case 'oneOf': {
        const one = schemaList(schema, key)
        add((v) => one.filter((c) => c(v)).length === 1)
        break
      }
      case 'not': {
        const not = compileSchema(arg)
        add((v) => !not(v))
        break
      }
      case 'dependencies': {
        if (!isPlainObject(arg)) bad('dependencies must be an object')
        const deps = Object.entries(arg).map(([name, dep]) => {
          if (Array.isArray(dep)) {
            if (!dep.every(isString)) bad('a property dependency must be an array of strings')
            return [name, (v: Doc) => dep.every((d) => v[d] !== undefined)] as const
          }
          const check = compileSchema(dep)
          return [name, (v: Doc) => check(v)] as const
        })
        add((v) => !isPlainObject(v) || deps.every(([name, check]) => v[name] === undefined || check(v)))
        break
      }
      default:
        bad(`Unknown $jsonSchema keyword: ${key}`)
    }
  }
  return (value) => checks.every((check) => check(value))
}

/** mingo's jsonSchemaValidator option: the document (top level) must satisfy the schema. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: Record<string, unknown>) => boolean {
  const check = compileSchema(schema)
  return (doc) => check(doc)
}
