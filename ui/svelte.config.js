// Svelte compiler settings for Vite and svelte-check. TypeScript in components needs no
// preprocessor in Svelte 5; the defaults are enough.
export default {};
