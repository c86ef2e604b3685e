/**
 * Number fields that will hold fractions, made doubles from the moment their object is made (issue 16: the cold
 * process).
 *
 * V8 keeps an object's number field as a small integer while every value stored in it was one (a literal 0 is),
 * and the first fraction stored turns the field into a double: the object's hidden class is then replaced
 * ("deprecated"), every optimised function that read objects of that class is thrown away at its next run
 * ("wrong map") and compiled again, and each object made before is migrated when next read. In a fresh
 * 100,000-trader process the first liquidation, the first hour's interest and the first funding each did that
 * to the hidden class of a state read everywhere (the run's tally, the broker's clients, the markets): about
 * 60 deoptimisations of the engine's hottest functions and as many recompilations (`node --trace-deopt`,
 * `--trace-generalization`). A warm process never sees it (the classes were replaced in its first run).
 *
 * An object literal given `DOUBLE` (NaN, not a small integer) in such a field starts with a double field; the
 * value the field really starts with is then stored into it, and a whole number stored into a double field
 * leaves it a double. The values are the same as before, bit for bit; only the hidden class differs.
 */
export const DOUBLE = NaN;
