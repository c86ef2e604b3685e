/** The one validation layer: rules, refusals and the words for them (see allowed.ts). */
export { describeAllowed, scaled, type Allowed, type Scale } from './allowed.ts';
export { Refusal, isRefusal, shown, shownAgainst, shorten } from './refusal.ts';
export {
  above,
  atLeast,
  below,
  between,
  check,
  described,
  finiteNumber,
  flag,
  isPlainRecord,
  listOf,
  numberFromText,
  oneOf,
  orNone,
  ownField,
  read,
  textMatching,
  wholeNumber,
  type Reading,
  type Rule,
} from './rules.ts';
