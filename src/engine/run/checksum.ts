/**
 * A checksum of a run's event stream, so two runs (in Node and in the worker, today and from a shared link
 * next year) can be compared with one string. FNV-1a, 2 × 32 bits, over each event's fields in order: the
 * length of the key, then its value (a number as the two halves of its IEEE-754 bits, so no text formatting
 * sits in the hot path and no two numbers collide by printing alike; a string by its characters; nested
 * objects and arrays field by field). Key names are not hashed character by character: the same code builds
 * the same shape, and the event's type (a value) says which shape. Fields whose value is undefined are
 * skipped. (So -0 and 0 differ, and checksums from before 2026-11-22, taken over JSON text, do not match.)
 */
export interface Checksum {
  a: number;
  b: number;
}

export function emptyChecksum(): Checksum {
  return { a: 0x811c9dc5, b: 0x01000193 ^ 0x9e3779b9 };
}

const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);

/** Type markers, folded before each value so that "1" and 1, or [] and {}, differ. */
const NUMBER = 0x110001;
const STRING = 0x110002;
const TRUE = 0x110003;
const FALSE = 0x110004;
const NULL = 0x110005;
const ARRAY = 0x110006;
const OBJECT = 0x110007;
const END = 0x110008;

const P_A = 0x01000193;
const P_B = 0x0100019d;

/**
 * The fold's state in locals where it can be: a unit is two multiplications, and events are mostly short
 * strings (types, venues, sides) and numbers, so field writes and calls per unit were most of its cost.
 */
class Folder {
  a = 0;
  b = 0;

  unit(c: number): void {
    this.a = Math.imul(this.a ^ c, P_A) >>> 0;
    this.b = Math.imul(this.b ^ c, P_B) >>> 0;
  }

  /** STRING, each character, END. */
  string(s: string): void {
    let a = Math.imul(this.a ^ STRING, P_A) >>> 0;
    let b = Math.imul(this.b ^ STRING, P_B) >>> 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, P_A) >>> 0;
      b = Math.imul(b ^ c, P_B) >>> 0;
    }
    this.a = Math.imul(a ^ END, P_A) >>> 0;
    this.b = Math.imul(b ^ END, P_B) >>> 0;
  }

  /** NUMBER, then the two halves of its IEEE-754 bits. */
  number(v: number): void {
    bits[0] = v;
    const low = halves[0]!;
    const high = halves[1]!;
    let a = Math.imul(this.a ^ NUMBER, P_A) >>> 0;
    let b = Math.imul(this.b ^ NUMBER, P_B) >>> 0;
    a = Math.imul(a ^ low, P_A) >>> 0;
    b = Math.imul(b ^ low, P_B) >>> 0;
    this.a = Math.imul(a ^ high, P_A) >>> 0;
    this.b = Math.imul(b ^ high, P_B) >>> 0;
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.number(v);
      case 'string':
        return this.string(v);
      case 'boolean':
        this.unit(v ? TRUE : FALSE);
        return;
      case 'object':
        if (v === null) this.unit(NULL);
        else if (Array.isArray(v)) {
          this.unit(ARRAY);
          for (const item of v) this.value(item);
          this.unit(END);
        } else this.record(v as Record<string, unknown>);
        return;
      default:
        // undefined, functions and symbols carry no data an event may have.
        this.unit(NULL);
    }
  }

  /** OBJECT, then each defined field's key length and value, END. */
  record(record: Record<string, unknown>): void {
    this.unit(OBJECT);
    for (const key in record) {
      const field = record[key];
      if (field === undefined) continue;
      this.unit(key.length);
      // The usual fields inline; anything else through value().
      if (typeof field === 'number') this.number(field);
      else if (typeof field === 'string') this.string(field);
      else this.value(field);
    }
    this.unit(END);
  }
}

const folder = new Folder();

/** Folds one event (plain data: numbers, strings, booleans, null, arrays, objects) into the checksum. */
export function foldEvent(checksum: Checksum, event: unknown): void {
  folder.a = checksum.a;
  folder.b = checksum.b;
  folder.value(event);
  checksum.a = folder.a;
  checksum.b = folder.b;
}

export function checksumHex(checksum: Checksum): string {
  return checksum.a.toString(16).padStart(8, '0') + checksum.b.toString(16).padStart(8, '0');
}
