/**
 * `import('optional:…')` in the loader: a widget module that may not exist yet. The build resolves
 * it to the real module when it exists, or to `export const missing = true` when it does not.
 */
declare module 'optional:*' {
  export const missing: true | undefined;
}

/** `import('carers-voice:shared')` in the loader: the build resolves it to the shared file (`shared-<hash>.js`). */
declare module 'carers-voice:shared' {}
