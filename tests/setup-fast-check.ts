// Property tests explore new random cases on every local run; under CI=true they replay one fixed seed, so a
// landing is judged on reproducible cases (a failure prints its seed and path, for `fc.assert` to replay).
import fc from 'fast-check';

if (process.env.CI === 'true') fc.configureGlobal({ seed: 20_261_122 });
