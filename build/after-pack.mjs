// electron-builder's afterPack hook: flips the Electron fuses (electron/packaging/fuses.ts, built to out/ by
// `npm run build`, which `npm run dist` runs first).
export default async function afterPack(context) {
  const { afterPack: flip } = await import('../out/electron/packaging/fuses.js');
  await flip(context);
}
