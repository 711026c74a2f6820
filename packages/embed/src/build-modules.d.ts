/** `import('carers-voice:shared')` in the loader: the build resolves it to the shared file (`shared-<hash>.js`). */
declare module 'carers-voice:shared' {}

