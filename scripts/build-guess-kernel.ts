/**
 * Builds the guessing kernels from scripts/guess-kernel/: the SIMD WebAssembly module (text
 * assembled by wabt, from npm) and the straight-line TypeScript fallback. Both are committed;
 * `--check` rebuilds them in memory and fails when the committed files differ, so a binary can
 * never drift from its source.
 *
 * Usage: node scripts/build-guess-kernel.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { kernelTs } from './guess-kernel/js.ts';
import { kernelWat } from './guess-kernel/wat.ts';

const WASM = 'src/assets/guess-kernel.wasm';
const TS = 'src/lib/guess/blocks.generated.ts';

const wabt = await wabtInit();
const source = kernelWat();
const module = wabt.parseWat('guess-kernel.wat', source, {
  simd: true,
  multi_value: true,
  bulk_memory: true,
});
module.validate();
const wasm = module.toBinary({}).buffer;
module.destroy();
const ts = kernelTs();

if (process.argv.includes('--check')) {
  const stale = [
    [WASM, wasm],
    [TS, new TextEncoder().encode(ts)],
  ].filter(([path, built]) => {
    let committed: Uint8Array;
    try {
      committed = readFileSync(path as string);
    } catch {
      return true;
    }
    return Buffer.compare(committed, built as Uint8Array) !== 0;
  });
  if (stale.length > 0) {
    console.error(
      `check:kernel: ${stale.map(([path]) => path).join(' and ')} differ from what the generator builds; run npm run build:kernel and commit.`,
    );
    process.exit(1);
  }
  console.log(`check:kernel: ${WASM} (${wasm.length} bytes) and ${TS} match their source.`);
} else {
  writeFileSync(WASM, wasm);
  writeFileSync(TS, ts);
  console.log(`wrote ${WASM} (${wasm.length} bytes) and ${TS}`);
}
