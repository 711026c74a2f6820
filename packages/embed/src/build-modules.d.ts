/** `import('carers-voice:shared')` in the loader: the build resolves it to the shared file (`shared-<hash>.js`). */
declare module 'carers-voice:shared' {}

/** `import preloads from 'carers-voice:preloads'` in the loader: files to fetch beside a widget's own, by tag (the build writes it). */
declare module 'carers-voice:preloads' {
  const preloads: Record<string, (() => Promise<unknown>) | undefined>;
  export default preloads;
}
