// The modules scripts/catalogues.ts makes at build time: `virtual:catalogue/<locale>/first` and `/later`, a locale's compiled messages in two parts.
declare module 'virtual:catalogue/*' {
  const messages: import('@lingui/core').Messages;
  export default messages;
}

// scripts/icon-parts.ts: `virtual:icons/first` and `/later`, the icon registry in two parts.
declare module 'virtual:icons/*' {
  const shapes: Partial<Record<import('./lib/icons').IconName, import('./lib/icons').IconShape>>;
  export default shapes;
}
