// The modules scripts/catalogues.ts makes at build time: `virtual:catalogue/<locale>`, a locale's compiled messages.
declare module 'virtual:catalogue/*' {
  const messages: import('@lingui/core').Messages;
  export default messages;
}
