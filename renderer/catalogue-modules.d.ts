// The modules scripts/catalogues.ts makes at build time: `virtual:catalogue/<locale>/first` and `/later`, a locale's compiled messages in two parts.
declare module 'virtual:catalogue/*' {
  const messages: import('@lingui/core').Messages;
  export default messages;
}
