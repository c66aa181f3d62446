import type { RuleType } from './types';

/** Types a record field can declare. Dates are ISO-8601 strings in records. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object';

/** One field of an entity; objects list their `fields`, arrays may describe their `items`. */
export interface FieldDefinition {
  readonly type: FieldType;
  /** Sub-fields of an object. Without it the object is open: any sub-path is accepted. */
  readonly fields?: Readonly<Record<string, FieldDefinition>>;
  /** Element type of an array (used for `tags.0` and inside `map`/`filter`/`some`...). */
  readonly items?: FieldDefinition;
  readonly label?: string;
}

/**
 * Describes the data a rule is evaluated against: `var` paths are resolved from these fields,
 * e.g. `{ fields: { lead: { type: 'object', fields: { email: { type: 'string' } } } } }`.
 */
export interface FieldSchema {
  readonly fields: Readonly<Record<string, FieldDefinition>>;
}

/** Internal static shape of a value: a schema node, or `any` when nothing is known. */
export interface Shape {
  readonly type: RuleType;
  readonly fields?: Readonly<Record<string, FieldDefinition>>;
  /** Members of a synthetic object such as reduce's `{current, accumulator}`. */
  readonly members?: Readonly<Record<string, Shape>>;
  readonly items?: Shape;
  /** Set when the value is a literal in the rule. */
  readonly literal?: { readonly value: unknown };
}

export const ANY: Shape = { type: 'any' };

const hasOwn = Object.prototype.hasOwnProperty;

/** The shape of a schema field. */
export function shapeOf(def: FieldDefinition): Shape {
  return {
    type: def.type,
    ...(def.fields === undefined ? {} : { fields: def.fields }),
    ...(def.items === undefined ? {} : { items: shapeOf(def.items) }),
  };
}

/** The shape at the root of a schema. */
export function rootShape(schema: FieldSchema): Shape {
  return { type: 'object', fields: schema.fields };
}

/**
 * Follows one path segment. Returns null when the segment cannot exist (unknown field, or
 * descending into a scalar); `any` when the shape is open.
 */
export function childShape(shape: Shape, segment: string): Shape | null {
  switch (shape.type) {
    case 'any':
      return ANY;
    case 'object':
      if (shape.members !== undefined)
        return hasOwn.call(shape.members, segment) ? (shape.members[segment] as Shape) : null;
      if (shape.fields === undefined) return ANY;
      return hasOwn.call(shape.fields, segment) ? shapeOf(shape.fields[segment] as FieldDefinition) : null;
    case 'array':
      if (segment === 'length') return { type: 'number' };
      return /^(0|[1-9]\d*)$/.test(segment) ? (shape.items ?? ANY) : null;
    case 'string':
    case 'date':
      if (segment === 'length') return { type: 'number' };
      return /^(0|[1-9]\d*)$/.test(segment) ? { type: 'string' } : null;
    case 'number':
    case 'boolean':
    case 'null':
      return null;
  }
}
