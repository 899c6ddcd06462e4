import type { Plugin } from 'vite';

/**
 * Removes two `Function(...)` calls from third-party code of the Firefox build, so AMO's linter
 * (web-ext lint: DANGEROUS_EVAL) has nothing to flag and Firefox logs no CSP violation at start-up.
 * Neither changes behaviour: the extension's CSP forbids eval, so both calls could only throw.
 *
 * - zod 4 probes `new Function("")` once to decide whether to compile object parsers (its "JIT").
 *   Under the extension CSP the probe throws and zod takes its interpreted path; the probe is
 *   replaced by that answer (`false`), as `z.config({ jitless: true })` would give at runtime.
 * - engine.io-client falls back to `Function("return this")()` for the global object when neither
 *   `self` nor `window` exists, which never happens in a browser; `globalThis` replaces it.
 *
 * Each replacement must match exactly once, or the build fails: a dependency update that changes
 * the code is noticed, never silently skipped.
 */
const REPLACEMENTS: { file: RegExp; find: string; replace: string }[] = [
  {
    file: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: `    try {
        const F = Function;
        new F("");
        return true;
    }
    catch (_) {
        return false;
    }`,
    replace: '    return false; // no-eval-probes: the extension CSP forbids eval',
  },
  {
    file: /[\\/]node_modules[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]globals\.js$/,
    find: 'return Function("return this")();',
    replace: 'return globalThis; // no-eval-probes',
  },
];

export function noEvalProbes(): Plugin {
  return {
    name: 'sidekick:no-eval-probes',
    enforce: 'pre',
    transform(code, id) {
      const replacement = REPLACEMENTS.find(({ file }) => file.test(id.split('?')[0] ?? id));
      if (!replacement) return null;
      const parts = code.split(replacement.find);
      if (parts.length !== 2) {
        this.error(`no-eval-probes: expected the code to replace once in ${id}, found it ${parts.length - 1} times`);
      }
      return { code: parts.join(replacement.replace), map: null };
    },
  };
}
