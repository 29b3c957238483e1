// Svelte compiler options shared by Vite, svelte-check and ESLint: runes mode everywhere.
export default {
  compilerOptions: { runes: true },
};
