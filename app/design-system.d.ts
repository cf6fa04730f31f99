declare module '@scottish-government/design-system/dist/scripts/design-system.js' {
  const DS: { initAll(scope?: HTMLElement): void }
  export default DS
}
